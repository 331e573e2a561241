import Foundation

/// Progress goes to stderr, so stdout carries only the table.
enum Progress {
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
