import Testing
import Yams

@testable import VirtsyncManifest

/// Integers read by the fast path for plain decimals are what Yams' own construction reads, and every
/// other form (bases, octal's leading zero, underscores, signs, sexagesimal, quotes) still goes to Yams.
@Suite("reading integers")
struct IntegerReadingTests {
    static func scalar(_ text: String, style: Node.Scalar.Style = .plain) -> Node.Scalar {
        Node.Scalar(text, .implicit, style)
    }

    @Test(
        "plain decimals are read directly, and agree with Yams",
        arguments: ["0", "7", "42", "-3", "120", "999999999999999999", "1048576"]
    )
    func decimals(text: String) {
        let direct = Field.plainDecimal(Self.scalar(text))
        #expect(direct != nil)
        #expect(direct == Int.construct(from: Self.scalar(text)))
    }

    @Test(
        "every other form is left to Yams",
        arguments: [
            "010", "-0", "-012", "0x1F", "0o17", "0b101", "1_000", "+5", "1:30", "", "-", "4.0", "12a",
            "1234567890123456789",
        ]
    )
    func others(text: String) {
        #expect(Field.plainDecimal(Self.scalar(text)) == nil)
    }

    @Test("a quoted number is never read as one")
    func quoted() {
        for style in [Node.Scalar.Style.singleQuoted, .doubleQuoted, .literal, .folded] {
            #expect(Field.plainDecimal(Self.scalar("4", style: style)) == nil, "\(style)")
        }
    }
}
