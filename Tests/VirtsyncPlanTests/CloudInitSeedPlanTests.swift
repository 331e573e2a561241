import Foundation
import LibvirtXML
import Testing
import VirtsyncManifest
import VirtsyncPlan

/// A domain's cloudInit becomes a seed volume (created with its content, recreated when that changes)
/// and a cdrom on it; a changed seed of a domain that exists is "first boot only" unless the
/// instance-id changes, and no plan output carries the user-data.
@Suite("planning a cloud-init seed")
struct CloudInitSeedPlanTests {
    static let yaml = """
        apiVersion: virtsync/v1
        kind: Domain
        metadata: {name: web-1}
        spec:
          memory: 1GiB
          vcpus: 1
          devices:
            disks:
              - {target: vda, volume: {pool: images, name: web-1.qcow2}}
          cloudInit:
            userData: |
              #cloud-config
              password: USERDATA
        """

    static func manifests(userData: String = "USERDATA", metaData: String? = nil) throws -> [Manifest] {
        var text = yaml.replacingOccurrences(of: "USERDATA", with: userData)
        if let metaData { text += "\n    metaData: \"\(metaData)\"" }
        var result = ManifestLoader.load([ManifestFile(path: "vm.yaml", text: text)])
        try #require(!result.hasErrors, "\(result.diagnostics)")
        // What the source does: digest the seed (here a stand-in digest of the user-data).
        for index in result.manifests.indices {
            guard case .volume(var volume) = result.manifests[index].spec, var seed = volume.seed else { continue }
            seed.cloudInit.digest = String(userData.hashValue & 0xFFFF_FFFF, radix: 16) + (metaData ?? "")
            volume.seed = seed
            result.manifests[index].spec = .volume(volume)
        }
        return result.manifests
    }

    static let seedID = ObjectID(.volume, "web-1-cidata.iso", pool: "images")

    @Test("the loader derives the seed volume in the first disk's pool; the domain gets a read-only SATA cdrom on it")
    func derivedSeed() throws {
        let manifests = try Self.manifests()
        let seed = try #require(manifests.first { $0.id == Self.seedID })
        guard case .volume(let volume) = seed.spec else {
            Issue.record("not a volume")
            return
        }
        #expect(volume.deletionPolicy == .delete)
        #expect(volume.seed?.instanceID == "web-1")
        #expect(volume.seed?.files?.map(\.name) == ["user-data", "meta-data"])
        #expect(volume.seed?.files?.last?.text == "instance-id: web-1\nlocal-hostname: web-1\n")
        let domain = Renderer.render(try #require(manifests.first { $0.kind == .domain }))
        let cdrom = try #require(domain.child("devices")?.children("disk").first { $0[attribute: "device"] == "cdrom" })
        #expect(cdrom.child("source")?[attribute: "volume"] == "web-1-cidata.iso")
        #expect(cdrom.child("target")?[attribute: "dev"] == "sda" && cdrom.child("target")?[attribute: "bus"] == "sata")
        #expect(cdrom.child("readonly") != nil)
    }

    @Test("a new seed is written, and the plan's text and JSON never carry the user-data")
    func creation() throws {
        let plan = Planner().plan(
            try Self.manifests(userData: "s3cret-pass"),
            observed: ObservedState(),
            inventory: Inventory(uri: "t")
        )
        let step = try #require(plan.steps.first { $0.id == Self.seedID })
        #expect(step.change == .create)
        guard case .writeSeed(_, let seed)? = step.operations.first else {
            Issue.record("\(step.operations)")
            return
        }
        #expect(seed.seed.files?.first?.text.contains("s3cret-pass") == true)
        let json = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
        #expect(!json.contains("s3cret-pass"))
        #expect(!PlanPrinter(color: false).text(plan).contains("s3cret-pass"))
        let decoded = try JSONDecoder().decode(Operation.self, from: try JSONEncoder().encode(step.operations[0]))
        guard case .writeSeed(_, let back) = decoded else {
            Issue.record("\(decoded)")
            return
        }
        #expect(back.isRedacted && back.seed.instanceID == "web-1")
    }

    /// The host after a first apply with `digest`: the seed volume and a running domain exist.
    static func applied(
        _ manifests: [Manifest],
        digest: String?,
        instanceID: String = "web-1"
    ) -> (ObservedState, Inventory) {
        var objects: [ObjectID: ObservedObject] = [:]
        for manifest in manifests {
            let desired = DesiredObject(manifest)
            objects[manifest.id] = ObservedObject(id: manifest.id, xml: desired.xml, active: true, power: .running)
        }
        var entry = Inventory.Entry(id: seedID, deletionPolicy: .delete)
        entry.seedDigest = digest
        entry.seedInstanceID = instanceID
        let domainEntry = Inventory.Entry(id: ObjectID(.domain, "web-1"))
        return (ObservedState(objects: objects), Inventory(uri: "t", entries: [entry, domainEntry]))
    }

    @Test("the same content plans nothing for the seed")
    func unchanged() throws {
        let manifests = try Self.manifests()
        let digest = manifests.compactMap { if case .volume(let v) = $0.spec { v.seed?.cloudInit.digest } else { nil } }
            .first
        let (observed, inventory) = Self.applied(manifests, digest: digest)
        let plan = Planner().plan(manifests, observed: observed, inventory: inventory)
        #expect(plan.steps.first { $0.id == Self.seedID } == nil, "\(PlanPrinter(color: false).text(plan))")
    }

    @Test(
        "changed user-data on a booted domain: the seed is rewritten, shown as first boot only; the domain is not restarted"
    )
    func firstBootOnly() throws {
        let before = try Self.manifests()
        let oldDigest = before.compactMap { if case .volume(let v) = $0.spec { v.seed?.cloudInit.digest } else { nil } }
            .first
        let (observed, inventory) = Self.applied(before, digest: oldDigest)
        let plan = Planner().plan(try Self.manifests(userData: "other"), observed: observed, inventory: inventory)
        let step = try #require(plan.steps.first { $0.id == Self.seedID })
        #expect(step.change == .update)
        #expect(step.notes.contains { $0.hasPrefix("first boot only") }, "\(step.notes)")
        #expect(plan.steps.first { $0.id.kind == .domain } == nil, "the domain itself does not change")
    }

    @Test("a new instance-id says cloud-init runs again on the next boot")
    func newInstanceID() throws {
        let before = try Self.manifests()
        let (observed, inventory) = Self.applied(before, digest: "old")
        let plan = Planner().plan(
            try Self.manifests(metaData: "instance-id: web-1-v2"),
            observed: observed,
            inventory: inventory
        )
        let step = try #require(plan.steps.first { $0.id == Self.seedID })
        #expect(step.notes.contains { $0.contains("instance-id changed (web-1 → web-1-v2)") }, "\(step.notes)")
    }
}
