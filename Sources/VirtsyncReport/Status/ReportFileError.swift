import AtomicFiles
import Foundation

/// A report file (the status file, the metrics textfile) that cannot be read or written, with its path.
public struct ReportFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `"<path>: <message>"`.
    public var description: String { "\(path): \(message)" }

    /// `AtomicFile.write`, with its error said as this type.
    static func writeAtomically(_ data: Data, to path: String) throws(ReportFileError) {
        do {
            try AtomicFile.write(data, to: path)
        } catch {
            // The temporary file or the directory may be what failed: name it when it is not `path`.
            throw ReportFileError(path: path, message: error.path == path ? error.message : error.description)
        }
    }
}
