import COpenSSL
import Foundation
import Testing
@testable import TLS

/// A fresh folder per test, removed when the test ends.
final class TemporaryFolder {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "dev-cert-test.XXXXXX").utf8CString)
        guard mkdtemp(&template) != nil else { throw CocoaError(.fileWriteUnknown) }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func files(extraHostname: String? = nil) -> DevelopmentCertificateFiles {
        DevelopmentCertificateFiles(
            directory: path, certificatePath: path + "/server.crt", keyPath: path + "/server.key",
            extraHostname: extraHostname)
    }

    func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path + "/" + name)))
    }
}

struct ProcessResult {
    let status: Int32
    let output: String
}

/// Runs a real tool we did not write, so our output is judged by someone else.
func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
}

/// Every certificate in a PEM file, in order, each freed on deinit.
final class LoadedCertificates {
    let pointers: [OpaquePointer]

    init(pem: [UInt8]) {
        var loaded: [OpaquePointer] = []
        pem.withUnsafeBytes { raw in
            let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count))
            defer { BIO_free(bio) }
            while let certificate = PEM_read_bio_X509(bio, nil, nil, nil) { loaded.append(certificate) }
            ERR_clear_error()
        }
        pointers = loaded
    }

    deinit { pointers.forEach { X509_free($0) } }

    func commonName(at index: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        X509_NAME_get_text_by_NID(X509_get_subject_name(pointers[index]), NID_commonName, &buffer, Int32(buffer.count))
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Whole days between notBefore and notAfter.
    func validityDays(at index: Int) -> Int32 {
        var days: Int32 = 0
        var seconds: Int32 = 0
        ASN1_TIME_diff(&days, &seconds, X509_get0_notBefore(pointers[index]), X509_get0_notAfter(pointers[index]))
        return days
    }
}

func loadPrivateKey(pem: [UInt8]) -> OpaquePointer? {
    pem.withUnsafeBytes { raw in
        let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count))
        defer { BIO_free(bio) }
        return PEM_read_bio_PrivateKey(bio, nil, nil, nil)
    }
}

func fileMode(_ path: String) -> mode_t {
    var status = stat()
    stat(path, &status)
    return status.st_mode & 0o777
}
