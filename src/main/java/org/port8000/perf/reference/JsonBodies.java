package org.port8000.perf.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies with a hard size bound and turns bad JSON into a clean refusal. */
final class JsonBodies {

  private final ObjectMapper mapper;

  JsonBodies(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The body as a JSON object; refuses oversized bodies (413) and anything not an object. */
  JsonNode object(Context ctx) {
    int limit = ReferenceConfig.MAX_BODY_BYTES;
    if (ctx.req().getContentLengthLong() > limit) {
      throw tooLarge();
    }
    byte[] body;
    try (InputStream in = ctx.req().getInputStream()) {
      // Read one byte more than allowed: that is how a chunked oversized body shows itself.
      body = in.readNBytes(limit + 1);
    } catch (IOException e) {
      throw new ApiException("cannot read request body");
    }
    if (body.length > limit) {
      throw tooLarge();
    }
    if (body.length == 0) {
      throw new ApiException("request body must be a JSON object");
    }
    JsonNode node;
    try {
      node = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ApiException("invalid JSON");
    } catch (IOException e) {
      throw new ApiException("cannot read request body");
    }
    if (node == null || !node.isObject()) {
      throw new ApiException("request body must be a JSON object");
    }
    return node;
  }

  /** A text field: required or optional, and at most {@code maxChars} long. */
  static String text(JsonNode body, String field, boolean required, int maxChars) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new ApiException("missing " + field);
      }
      return null;
    }
    if (!v.isTextual()) {
      throw new ApiException(field + " must be a string");
    }
    String s = v.asText();
    if (s.length() > maxChars) {
      throw new ApiException(field + " longer than " + maxChars + " characters");
    }
    return s;
  }

  private static ApiException tooLarge() {
    return new ApiException(
        413, "request body larger than " + ReferenceConfig.MAX_BODY_BYTES + " bytes");
  }
}
