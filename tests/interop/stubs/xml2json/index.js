// open311 parses XML with this only in XML mode; the interop tests use JSON mode.
exports.toJson = function () {
  throw new Error('xml2json is stubbed in civic-feedback tests: run open311 with format "json"');
};
