internal import Foundation
public import VirtsyncManifest

#if canImport(Glibc)
import Glibc
#endif

/// Reads manifest files from disk: each PATH is a file or a directory read recursively.
///
/// Only `.yaml`, `.yml` and `.xml` files are manifests (a README beside them is not); files are read
/// in sorted path order so the same tree always gives the same plan.
public enum ManifestDirectory {
    /// Why a path could not be read.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): error: \(reason)" }
    }

    static let extensions: Set<String> = ["yaml", "yml", "xml"]

    public static func read(_ paths: [String]) throws(ReadError) -> [ManifestFile] {
        var files: [ManifestFile] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ReadError(path: path, reason: "no such file or directory")
            }
            let found = isDirectory.boolValue ? try manifestPaths(under: path) : [path]
            // Read on every core: with hundreds of files the reads' system calls add up.
            for read in found.concurrentMap({ file in Result { () throws(ReadError) in try readFile(file) } }) {
                files.append(try read.get())
            }
        }
        return files
    }

    private static func manifestPaths(under directory: String) throws(ReadError) -> [String] {
        var paths: [String] = []
        try walk(directory, into: &paths)
        return paths.sorted()
    }

    /// The manifest files under `directory`, by readdir(3) rather than FileManager's enumerator, which
    /// bridged every entry through NSString (5 % of a no-op plan of 500 domains). Hidden files and
    /// directories (a checkout's `.git` above all) are neither read nor walked; a symbolic link is read as
    /// a file but never walked into, as the enumerator did. A directory that cannot be listed is an error,
    /// never skipped: manifests missing from a plan would read as objects to remove.
    private static func walk(_ directory: String, into paths: inout [String]) throws(ReadError) {
        guard let stream = opendir(directory) else { throw ReadError(path: directory, reason: "cannot list directory") }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            if isDirectory(entry.pointee.d_type, path) {
                try walk(path, into: &paths)
            } else if extensions.contains(pathExtension(name)) {
                paths.append(path)
            }
        }
    }

    /// A real directory (not a link to one); file systems that leave `d_type` unknown are asked with lstat.
    private static func isDirectory(_ type: UInt8, _ path: String) -> Bool {
        guard type == UInt8(DT_UNKNOWN) else { return type == UInt8(DT_DIR) }
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// The lowercased text after the last dot of a file name (`""` without one), as NSString's `pathExtension`.
    private static func pathExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    private static func readFile(_ path: String) throws(ReadError) -> ManifestFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReadError(path: path, reason: "cannot read file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReadError(path: path, reason: "not UTF-8 text")
        }
        return ManifestFile(path: path, text: text)
    }
}

extension ManifestDirectory {
    /// Writes files into `directory` (made if missing), each name a relative path. A file that exists is
    /// an error unless `overwrite`, and two files of one name are an error; both are found before anything
    /// is written, so a second export never half-replaces a tree.
    public static func write(
        _ files: [(name: String, text: String)],
        to directory: String,
        overwrite: Bool
    ) throws(ReadError) {
        let manager = FileManager.default
        let paths = files.map { (directory as NSString).appendingPathComponent($0.name) }
        var seen: Set<String> = []
        if let twice = paths.first(where: { !seen.insert($0).inserted }) {
            throw ReadError(path: twice, reason: "two files would have this name")
        }
        if !overwrite, let existing = paths.first(where: manager.fileExists(atPath:)) {
            throw ReadError(path: existing, reason: "exists already (--force overwrites)")
        }
        for (path, file) in zip(paths, files) {
            do {
                try manager.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent,
                    withIntermediateDirectories: true
                )
                try file.text.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw ReadError(path: path, reason: "cannot write: \(error.localizedDescription)")
            }
        }
    }
}
