import Foundation
import Logging
import Testing
import VirtsyncReport

/// The status file is written after every reconcile and read back unchanged.
@Suite("status file")
struct StatusFileTests {
    @Test("a status written by the reporter loads back equal, milliseconds included")
    func roundTrip() throws {
        let directory = try Samples.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = StatusFile.path(stateDirectory: directory.path)
        let status = Samples.status()

        StatusFileReporter(path: path, logger: Logger(label: "virtsync.test")).reconciled(status, duration: 1.5)

        #expect(try StatusFile.load(path: path) == status)
        #expect(path.hasSuffix("/status.json"))
    }

    @Test("the file is pretty JSON with sorted keys, ISO-8601 UTC dates and no nulls")
    func format() throws {
        let text = String(decoding: try StatusFile.encode(Samples.status()), as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"host\" : \"kvm01\",\n  \"lastAppliedAt\" : \"2026-11-18T11:06:40.125Z\",\n"))
        #expect(text.contains("\"url\" : \"https://git.example.com/fleet.git\""))
        #expect(!text.contains("null"))
        #expect(text.hasSuffix("}\n"))
    }

    @Test("dates without fractional seconds are read too")
    func plainDates() throws {
        var text = String(decoding: try StatusFile.encode(Samples.status()), as: UTF8.self)
        text = text.replacingOccurrences(of: ".125Z", with: "Z")
        let status = try StatusFile.decode(Data(text.utf8))
        #expect(status.lastAppliedAt == Date(timeIntervalSince1970: 1_795_000_000))
    }

    @Test("a second reconcile replaces the file and leaves no temporary file behind")
    func replaced() throws {
        let directory = try Samples.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = StatusFile.path(stateDirectory: directory.path)
        let reporter = StatusFileReporter(path: path, logger: Logger(label: "virtsync.test"))
        var status = Samples.status()
        reporter.reconciled(status, duration: 1)
        status.lastError = nil
        status.objects = []
        reporter.reconciled(status, duration: 1)

        #expect(try StatusFile.load(path: path) == status)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["status.json"])
    }

    @Test("a missing file and a file that is not a status say so with the path")
    func loadErrors() throws {
        let directory = try Samples.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("status.json").path
        let error = #expect(throws: ReportFileError.self) { try StatusFile.load(path: missing) }
        #expect(error?.description == "\(missing): no status file (has the agent run yet?)")

        let garbage = directory.appendingPathComponent("garbage.json")
        try Data("{\"host\": 1}".utf8).write(to: garbage)
        let decodeError = #expect(throws: ReportFileError.self) { try StatusFile.load(path: garbage.path) }
        #expect(decodeError?.message.hasPrefix("not a virtsync status file: ") == true)
    }

    @Test("a write that fails is logged, not thrown")
    func writeFailure() throws {
        let (logger, store) = LogCapture.logger()
        // A path under a regular file cannot be created.
        let directory = try Samples.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("file")
        try Data().write(to: file)
        StatusFileReporter(path: file.appendingPathComponent("status.json").path, logger: logger)
            .reconciled(Samples.status(), duration: 1)

        #expect(store.all.count == 1)
        #expect(store.all.first?.level == .error)
        #expect(store.all.first?.message.hasPrefix("cannot write the status file: \(file.path)/status.json: ") == true)
    }
}
