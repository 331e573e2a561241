import ArgumentParser
import VirtsyncHost
import VirtsyncManifest
import VirtsyncSource

extension Console {
    /// The selected objects (every object without a selection) as manifests; exit 1 on a bad name or error.
    static func export(_ global: GlobalOptions, objects: [String]) throws -> [HostExporter.Exported] {
        var selection: [ObjectID] = []
        for text in objects {
            guard let id = ObjectID(parsing: text) else {
                err("error: '\(text)' names no object: write domain/NAME, network/NAME, pool/NAME or volume/POOL/NAME")
                throw ExitCode.failure
            }
            selection.append(id)
        }
        do {
            return try HostExporter(connection: session(global).connection).export(selection)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            err("error: \(error)")
            throw ExitCode.failure
        }
    }

    static func write(_ files: [(name: String, text: String)], to directory: String, overwrite: Bool) throws {
        do {
            try ManifestDirectory.write(files, to: directory, overwrite: overwrite)
        } catch {
            err(error.description)
            throw ExitCode.failure
        }
    }
}
