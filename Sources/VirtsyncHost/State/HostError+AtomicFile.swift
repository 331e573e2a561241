import AtomicFiles
import Foundation

extension HostError {
    /// `AtomicFile.write`, its failure said as a state file's (the path that failed, and why).
    static func writeStateFile(_ data: Data, to path: String, keepPrevious: Bool = false) throws(HostError) {
        do {
            try AtomicFile.write(data, to: path, keepPrevious: keepPrevious)
        } catch {
            throw .stateFile(path: error.path, message: error.message)
        }
    }
}
