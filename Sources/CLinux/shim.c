// Header-only shim: this file exists because SwiftPM needs one source per C target.
