import Foundation
import Systemd
import Testing

extension ProcessEnvironmentTests {
    /// What `Notifier` sends to the socket `NOTIFY_SOCKET` names, and what it does without one.
    @Suite("sd_notify messages")
    struct NotifierTests {
        @Test("ready, status, watchdog and stopping each send their assignment as one datagram")
        func lifecycle() throws {
            let socket = try NotifySocket()
            let notifier = Notifier()
            let sent = try withEnvironment(["NOTIFY_SOCKET": socket.path]) {
                [
                    try notifier.ready(), try notifier.status("applied 3 objects"), try notifier.watchdog(),
                    try notifier.stopping(),
                ]
            }
            #expect(sent == [true, true, true, true])
            let received = [socket.receive(), socket.receive(), socket.receive(), socket.receive(), socket.receive()]
            #expect(received == ["READY=1", "STATUS=applied 3 objects", "WATCHDOG=1", "STOPPING=1", nil])
        }

        @Test("a newline in a status cannot end it early or pass for another assignment")
        func statusNewline() throws {
            let socket = try NotifySocket()
            try withEnvironment(["NOTIFY_SOCKET": socket.path]) {
                try Notifier().status("drift on vm1\nREADY=1")
            }
            #expect(socket.receive() == "STATUS=drift on vm1 READY=1")
        }

        @Test("without NOTIFY_SOCKET every call is a no-op that reports nothing was sent")
        func noSocket() throws {
            let notifier = Notifier()
            let sent = try withEnvironment(["NOTIFY_SOCKET": nil]) {
                [try notifier.ready(), try notifier.status("idle"), try notifier.watchdog(), try notifier.stopping()]
            }
            #expect(sent == [false, false, false, false])
        }

        @Test("a NOTIFY_SOCKET naming no socket throws the errno and its text")
        func missingSocket() throws {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent(
                "virtsync-absent-\(UUID().uuidString)"
            ).path
            let error = withEnvironment(["NOTIFY_SOCKET": path]) {
                #expect(throws: SystemdError.self) { try Notifier().ready() }
            }
            #expect(error?.operation == "sd_notify")
            #expect(error?.errno == ENOENT)
            #expect(error?.message == "No such file or directory")
            #expect(error?.description == "No such file or directory (sd_notify, errno \(ENOENT))")
        }
    }
}
