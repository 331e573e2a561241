import ArgumentParser
import Foundation
import VirtsyncHost
import VirtsyncPlan

extension Console {
    /// The agent's guards (one implementation, `RevisionGuard`), then the operator's word on destroys.
    ///
    /// On a terminal, destroys are listed and confirmed unless `--yes`. Without a terminal (a script, CI,
    /// a systemd unit) nobody can answer: the destroys are listed and the apply proceeds within the
    /// guards' limits, as the agent does; `--max-destroy-share 0` forbids any destroy there.
    static func guardDestroys(_ planned: SyncSession.Planned, prune: Bool, maxDestroyShare: Double, yes: Bool) throws {
        if let refusal = RevisionGuard(maxDestroyShare: maxDestroyShare, refusesEmptySelection: prune).refusal(planned)
        {
            err("error: refused: \(refusal); nothing was applied")
            throw ExitCode.failure
        }
        let destroys = planned.plan.pending.filter { $0.change == .destroy }
        guard !destroys.isEmpty, !yes else { return }
        err("apply --prune will destroy \(destroys.count) of \(planned.inventory.count) managed objects:")
        for step in destroys { err("  - \(step.id)") }
        guard isatty(STDIN_FILENO) == 1 else {
            err("no terminal to confirm on: destroying within --max-destroy-share \(maxDestroyShare)")
            return
        }
        FileHandle.standardError.write(Data("Destroy them? Type 'yes' to go on: ".utf8))
        guard let answer = readLine(), answer.trimmingCharacters(in: .whitespaces).lowercased() == "yes" else {
            err("apply cancelled; nothing was applied")
            throw ExitCode.failure
        }
    }
}
