import Foundation
import Git
import TestSupport
import Testing

@Suite("smart HTTP with a token")
struct HTTPCredentialTests {
    @Test("a clone and fetch over HTTP send the token and see new commits")
    func tokenIsAccepted() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try SourceRepository(in: temp, name: "manifests")
        try source.commit("web.yaml", "v1")
        let server = try HTTPBackend(root: temp.url, user: "x-access-token", token: "s3cret")
        defer { server.stop() }
        let options = FetchOptions(credentials: .token(HTTPSToken(token: "s3cret")))

        let clone = try GitRepository.clone(url: server.url("manifests"), to: temp.path("clone"), options: options)
        let second = try source.commit("web.yaml", "v2")
        try clone.fetch(options: options)

        #expect(try clone.resolve(ref: "main").hex == second)
    }

    @Test("a wrong token is refused once, with a message naming the URL")
    func wrongTokenIsRefused() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try SourceRepository(in: temp, name: "manifests")
        try source.commit("web.yaml", "v1")
        let server = try HTTPBackend(root: temp.url, user: "oauth2", token: "right")
        defer { server.stop() }
        let options = FetchOptions(credentials: .token(HTTPSToken(username: "oauth2", token: "wrong")))

        let error = #expect(throws: GitError.self) {
            try GitRepository.clone(url: server.url("manifests"), to: temp.path("clone"), options: options)
        }

        #expect(error?.message.hasPrefix("the server rejected the credentials for http://127.0.0.1:") == true)
        #expect(error?.code == .authentication)
    }

    @Test("a server that asks for credentials when none are configured is refused with that reason")
    func missingCredentials() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try SourceRepository(in: temp, name: "manifests")
        try source.commit("web.yaml", "v1")
        let server = try HTTPBackend(root: temp.url, user: "x-access-token", token: "t")
        defer { server.stop() }

        let error = #expect(throws: GitError.self) {
            try GitRepository.clone(url: server.url("manifests"), to: temp.path("clone"))
        }

        #expect(error?.message.hasSuffix("asks for credentials and none are configured") == true)
    }

    @Test("an anonymous HTTP clone needs no credentials")
    func anonymousClone() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let source = try SourceRepository(in: temp, name: "manifests")
        let commit = try source.commit("web.yaml", "v1")
        let server = try HTTPBackend(root: temp.url)
        defer { server.stop() }

        let clone = try GitRepository.clone(url: server.url("manifests"), to: temp.path("clone"))

        #expect(clone.head()?.hex == commit)
    }
}
