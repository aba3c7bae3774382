# broken
${noSuchField.nested}
