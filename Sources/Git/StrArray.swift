internal import CGit2

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Lends strings to libgit2 as a `git_strarray` for the length of `body`; libgit2 copies what it keeps.
func withStrArray<Result>(_ strings: [String], _ body: (UnsafeMutablePointer<git_strarray>) -> Result) -> Result {
    var copies: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { for copy in copies { free(copy) } }
    return copies.withUnsafeMutableBufferPointer { buffer in
        var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
        return body(&array)
    }
}
