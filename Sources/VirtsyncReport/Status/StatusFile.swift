public import Foundation

/// Reads and writes the status file: pretty JSON with sorted keys and ISO-8601 dates in UTC with
/// milliseconds, as `docs/status.schema.json` describes.
public enum StatusFile {
    /// The default place of the status file in a state directory.
    public static func path(stateDirectory: String) -> String {
        (stateDirectory as NSString).appendingPathComponent("status.json")
    }

    /// The file's bytes for `status`.
    public static func encode(_ status: AgentStatus) throws -> Data {
        var data = try jsonEncoder().encode(status)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Decodes a status file's bytes; dates may come with or without fractional seconds.
    public static func decode(_ data: Data) throws -> AgentStatus {
        try jsonDecoder().decode(AgentStatus.self, from: data)
    }

    /// The status file's JSON conventions, shared by `GET /previews`.
    public static func jsonEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(withMilliseconds))
        }
        return encoder
    }

    /// Reads what `jsonEncoder()` writes; dates may come with or without fractional seconds.
    public static func jsonDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = (try? withMilliseconds.parse(text)) ?? (try? Date.ISO8601FormatStyle().parse(text)) {
                return date
            }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO-8601 date: \(text)")
        }
        return decoder
    }

    /// Writes `status` to `path` atomically (temporary file, fsync, rename).
    public static func write(_ status: AgentStatus, to path: String) throws(ReportFileError) {
        let data: Data
        do {
            data = try encode(status)
        } catch {
            throw ReportFileError(path: path, message: "cannot encode: \(error)")
        }
        try ReportFileError.writeAtomically(data, to: path)
    }

    /// The status in the file at `path`; used by `virtsync status`.
    public static func load(path: String) throws(ReportFileError) -> AgentStatus {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let missing = !FileManager.default.fileExists(atPath: path)
            throw ReportFileError(
                path: path,
                message: missing
                    ? "no status file (has the agent run yet?)" : "cannot read: \(error.localizedDescription)"
            )
        }
        do {
            return try decode(data)
        } catch {
            throw ReportFileError(path: path, message: "not a virtsync status file: \(error)")
        }
    }

    private static let withMilliseconds = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}
