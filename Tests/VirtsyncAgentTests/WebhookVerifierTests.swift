import Foundation
import Testing
import VirtsyncAgent

/// Signatures computed outside the code under test: GitHub's documented example and `openssl dgst -hmac`.
enum WebhookVectors {
    static let githubSecret = "It's a Secret to Everybody"
    static let githubBody = "Hello, World!"
    static let githubSignature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"

    static let giteaSecret = "gitea-secret"
    static let giteaBody = #"{"ref":"refs/heads/main"}"#
    static let giteaSignature = "6aab54046b413afedbc6d4ff0d3b4fd694c1af82c19c0be7ee9b80438b90223d"
}

@Suite("Webhook signatures are checked as each git server sends them")
struct WebhookVerifierTests {
    func verify(
        secret: String,
        body: String,
        headers: [String: String]
    ) throws(WebhookVerifier.Rejection) -> WebhookVerifier.Sender {
        let lowered = Dictionary(uniqueKeysWithValues: headers.map { ($0.key.lowercased(), $0.value) })
        return try WebhookVerifier(secret: Array(secret.utf8)).verify(body: Array(body.utf8)) {
            lowered[$0.lowercased()]
        }
    }

    @Test("GitHub: sha256= and the HMAC of the body")
    func github() throws {
        let headers = ["X-Hub-Signature-256": WebhookVectors.githubSignature]
        #expect(
            try verify(secret: WebhookVectors.githubSecret, body: WebhookVectors.githubBody, headers: headers)
                == .github
        )
        #expect(throws: WebhookVerifier.Rejection.badSignature(.github)) {
            try verify(secret: WebhookVectors.githubSecret, body: "Hello, World?", headers: headers)
        }
        #expect(throws: WebhookVerifier.Rejection.badSignature(.github)) {
            try verify(secret: "another secret", body: WebhookVectors.githubBody, headers: headers)
        }
        // The bare hex without its `sha256=` prefix is not GitHub's format.
        #expect(throws: WebhookVerifier.Rejection.badSignature(.github)) {
            try verify(
                secret: WebhookVectors.githubSecret,
                body: WebhookVectors.githubBody,
                headers: ["X-Hub-Signature-256": String(WebhookVectors.githubSignature.dropFirst(7))]
            )
        }
    }

    @Test("Gitea: the bare hex HMAC, in either case")
    func gitea() throws {
        let secret = WebhookVectors.giteaSecret
        let body = WebhookVectors.giteaBody
        #expect(
            try verify(secret: secret, body: body, headers: ["X-Gitea-Signature": WebhookVectors.giteaSignature])
                == .gitea
        )
        #expect(
            try verify(
                secret: secret,
                body: body,
                headers: ["x-gitea-signature": WebhookVectors.giteaSignature.uppercased()]
            ) == .gitea
        )
        #expect(throws: WebhookVerifier.Rejection.badSignature(.gitea)) {
            try verify(secret: secret, body: body + " ", headers: ["X-Gitea-Signature": WebhookVectors.giteaSignature])
        }
        #expect(throws: WebhookVerifier.Rejection.badSignature(.gitea)) {
            try verify(secret: secret, body: body, headers: ["X-Gitea-Signature": "not hex"])
        }
    }

    @Test("GitLab: the secret itself as a token")
    func gitlab() throws {
        #expect(try verify(secret: "glsecret", body: "{}", headers: ["X-Gitlab-Token": "glsecret"]) == .gitlab)
        #expect(throws: WebhookVerifier.Rejection.badSignature(.gitlab)) {
            try verify(secret: "glsecret", body: "{}", headers: ["X-Gitlab-Token": "glsecreT"])
        }
        #expect(throws: WebhookVerifier.Rejection.badSignature(.gitlab)) {
            try verify(secret: "glsecret", body: "{}", headers: ["X-Gitlab-Token": "glsecret\n"])
        }
    }

    @Test("no signature header at all is refused")
    func missing() {
        #expect(throws: WebhookVerifier.Rejection.missingSignature) {
            try verify(secret: "s", body: "{}", headers: ["Content-Type": "application/json"])
        }
    }

    @Test("the secret file's trailing newline is not part of the secret")
    func secretFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("virtsync-secret-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data((WebhookVectors.githubSecret + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let verifier = try WebhookVerifier(secretFile: path)
        let sender = try verifier.verify(body: Array(WebhookVectors.githubBody.utf8)) {
            $0 == "X-Hub-Signature-256" ? WebhookVectors.githubSignature : nil
        }
        #expect(sender == .github)

        try Data("\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: SecretFileError(path: path, reason: "the secret is empty")) {
            try WebhookVerifier(secretFile: path)
        }
        #expect(throws: SecretFileError(path: path + ".none", reason: "cannot read the file")) {
            try WebhookVerifier(secretFile: path + ".none")
        }
    }
}
