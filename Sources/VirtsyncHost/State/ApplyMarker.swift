import Foundation

/// `STATE_DIR/apply-in-progress`: written (with the writer's PID) before an apply touches the host,
/// removed when it is done. Found with a dead PID, it says the last apply was killed mid-way.
struct ApplyMarker {
    let path: String

    init(stateDirectory: String) { path = (stateDirectory as NSString).appendingPathComponent("apply-in-progress") }

    func previousApplyDied() -> Bool {
        guard let text = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) }) else {
            return false
        }
        // A damaged marker counts as a death: looking again costs seconds, missing one costs convergence.
        guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return true }
        return pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
    }

    func set() throws(HostError) { try HostError.writeStateFile(Data("\(getpid())\n".utf8), to: path) }

    func clear() { unlink(path) }
}
