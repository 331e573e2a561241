import Foundation
import Logging
import Testing
import VirtsyncReport

/// node_exporter's textfile collector reads the metrics from a `.prom` file written atomically.
@Suite("metrics textfile")
struct MetricsTextfileTests {
    @Test("writeTextfile writes the exposition, creating the directory")
    func write() throws {
        let directory = try Samples.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("textfile/virtsync.prom").path
        let reporter = MetricsReporter(logger: Logger(label: "virtsync.test"))
        reporter.reconciled(Samples.status(), duration: 1)

        try reporter.writeTextfile(path: path)

        #expect(try String(contentsOfFile: path, encoding: .utf8) == reporter.exposition())
    }

    @Test("a reporter given a textfile rewrites it after every reconcile")
    func everyReconcile() throws {
        let directory = try Samples.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("virtsync.prom").path
        let reporter = MetricsReporter(textfile: path, logger: Logger(label: "virtsync.test"))
        var status = Samples.status()
        reporter.reconciled(status, duration: 1)
        status.objects = []
        reporter.reconciled(status, duration: 1)

        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("virtsync_drifted_objects 0.0\n"))
        #expect(text.contains("virtsync_apply_duration_seconds_count 2\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["virtsync.prom"])
    }

    @Test("a textfile that cannot be written is logged with its path")
    func failure() throws {
        let (logger, store) = LogCapture.logger()
        let directory = try Samples.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("file")
        try Data().write(to: file)
        let path = file.appendingPathComponent("virtsync.prom").path

        MetricsReporter(textfile: path, logger: logger).reconciled(Samples.status(), duration: 1)

        #expect(store.all.count == 1)
        #expect(store.all.first?.message.hasPrefix("cannot write the metrics textfile: \(path): ") == true)
    }
}
