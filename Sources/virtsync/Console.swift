import ArgumentParser
import Foundation
import VirtsyncHost
import VirtsyncImages
import VirtsyncManifest
import VirtsyncPlan
import VirtsyncSchema
import VirtsyncSource

/// `--output` of plan.
enum OutputFormat: String, ExpressibleByArgument { case text, json }

/// The glue the verbs share: read, print, and turn outcomes into exit codes. The work is in the libraries.
enum Console {
    static func out(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((text + terminator).utf8))
    }

    static func err(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

    static let color = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    static func allowedPaths(_ options: ManifestOptions) -> [String] {
        ["/var/lib/libvirt/images"] + options.allowedPaths
    }

    /// Reads and validates the manifests (without the host); prints every diagnostic; exit 1 on errors.
    static func load(_ options: ManifestOptions) throws -> ManifestLoadResult {
        let files: [ManifestFile]
        do {
            files = try ManifestDirectory.read(options.paths)
        } catch {
            err(error.description)
            throw ExitCode.failure
        }
        var result = ManifestLoader.load(files)
        // cloud-init `{file:}` documents are read beside their manifests; seeds get their digest.
        result.diagnostics += SeedFiles.resolve(&result.manifests)
        if !result.hasErrors {
            result.diagnostics += ManifestValidator.validate(
                result.manifests,
                context: ValidationContext(allowedPaths: allowedPaths(options))
            )
            // libvirt's own schemas, offline: a typo libvirt would drop silently is caught without libvirtd.
            result.diagnostics += SchemaValidator.validate(result.manifests, files: files)
        }
        // By file, line and column, as `plan` prints them (a text order would put line 10 before line 9).
        for diagnostic in result.diagnostics.sortedByLocation() {
            err(diagnostic.description)
        }
        if result.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
        return result
    }

    static func selector(_ options: ManifestOptions) -> HostSelector {
        var labels: [String: String] = [:]
        for pair in options.hostLabels {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { labels[parts[0]] = parts[1] }
        }
        return HostSelector(hostName: options.hostName ?? ProcessInfo.processInfo.hostName, labels: labels)
    }

    static func session(_ global: GlobalOptions) throws -> SyncSession {
        do {
            return try SyncSession(uri: global.connect, stateDirectory: global.stateDir) { id, progress in
                err("\(id): downloading \(progress.url): \(DownloadLine.describe(progress))")
            }
        } catch {
            err("error: \(error)")
            throw ExitCode.failure
        }
    }

    /// Reads the manifests, then the one stage the agent uses too: loaded, selected for this host, checked
    /// against the host and planned. Prints every diagnostic; a refused revision exits 1.
    static func plan(
        _ global: GlobalOptions,
        _ options: ManifestOptions,
        _ flags: PlanFlags,
        session: SyncSession? = nil
    ) throws
        -> (session: SyncSession, planned: SyncSession.Planned)
    {
        let session = try session ?? Self.session(global)
        let checked: CheckedRevision
        do {
            checked = try session.check(
                loading: { try revision(options) },
                options: PlanOptions(
                    prune: flags.prune,
                    adopt: flags.adopt,
                    revision: options.paths.joined(separator: " ")
                )
            )
        } catch let exit as ExitCode {
            throw exit
        } catch {
            err("error: \(error)")
            throw ExitCode.failure
        }
        switch checked {
        case .refused(let refusal):
            for diagnostic in refusal.diagnostics { err(diagnostic.description) }
            err("error: refused: \(refusal.errors.count) error(s); nothing was planned or applied")
            throw ExitCode.failure
        case .valid(let planned):
            for diagnostic in planned.warnings { err(diagnostic.description) }
            return (session, planned)
        }
    }

    /// The files under PATH...; an empty tree is refused (exit 1).
    private static func revision(_ options: ManifestOptions) throws -> RevisionManifests {
        let files: [ManifestFile]
        do {
            files = try ManifestDirectory.read(options.paths)
        } catch {
            err(error.description)
            throw ExitCode.failure
        }
        guard !files.isEmpty else {
            // An empty tree is far more often a wrong path or a broken checkout than a wish to prune everything.
            err("error: no manifests under \(options.paths.joined(separator: " ")): an empty set is refused")
            throw ExitCode.failure
        }
        var loaded = ManifestLoader.load(files)
        // cloud-init `{file:}` documents are read beside their manifests; seeds get their digest.
        loaded.diagnostics += SeedFiles.resolve(&loaded.manifests)
        return RevisionManifests(
            revision: options.paths.joined(separator: " "),
            loaded: loaded,
            selector: selector(options),
            allowedPaths: allowedPaths(options)
        )
    }

    static func show(_ plan: VirtsyncPlan.Plan, format: OutputFormat) throws {
        switch format {
        case .text: out(PlanPrinter(color: color).text(plan), terminator: "")
        case .json: out(try PlanPrinter().json(plan))
        }
    }

    /// Removes the cached images none of `manifests` names and says what it freed; a cache in use by a
    /// download is left for the next apply.
    static func pruneImages(_ session: SyncSession, keeping manifests: [Manifest]) {
        do {
            let pruned = try session.pruneImages(keeping: manifests)
            if pruned.busy {
                out("image cache: not pruned, a download or upload is in progress")
            } else if !pruned.removed.isEmpty {
                out(
                    "image cache: removed \(pruned.removed.count) image(s) no manifest names, \(DownloadLine.describeSize(pruned.freedBytes)) freed"
                )
            }
        } catch {
            err("warning: \(error)")
        }
    }

    /// Applies and prints each object's outcome.
    static func apply(_ session: SyncSession, _ planned: SyncSession.Planned) throws -> ApplyReport {
        let report: ApplyReport
        do {
            report = try session.apply(planned)
        } catch {
            err("error: \(error)")
            throw ExitCode.failure
        }
        for outcome in report.outcomes {
            if outcome.succeeded {
                out("applied \(outcome.id): \(outcome.change.rawValue)")
            } else {
                err("failed \(outcome.id): \(outcome.error ?? "unknown error")")
            }
        }
        return report
    }
}
