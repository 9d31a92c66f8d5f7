// open311 parses XML with this only in XML mode; the interop tests use JSON mode.
exports.parseXml = function () {
  throw new Error('sparkxml is stubbed in civic-feedback tests: run open311 with format "json"');
};
