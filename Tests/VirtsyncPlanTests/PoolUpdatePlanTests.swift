import LibvirtXML
import Testing
import VirtsyncManifest
import VirtsyncPlan

/// A changed pool is redefined; libvirt builds only a stopped pool, so an active one is stopped first.
@Suite("planning a pool update")
struct PoolUpdatePlanTests {
    static let pool = RenderExamples.permissionsPool

    static func observed(active: Bool, mode: String) throws -> ObservedState {
        var xml = Renderer.render(pool)
        let permissions = try XElement(
            parsing: "<permissions><mode>\(mode)</mode><owner>0</owner><group>0</group></permissions>"
        )
        var target = try #require(xml.child("target"))
        target.setChild("permissions", permissions)
        xml.setChild("target", target)
        let object = ObservedObject(id: pool.id, xml: xml, active: active, autostart: true)
        return ObservedState(objects: [pool.id: object])
    }

    static func step(active: Bool, mode: String, want: Bool? = nil) throws -> PlanStep? {
        var manifest = pool
        if case .storagePool(var spec) = manifest.spec, let want {
            spec.active = want
            manifest.spec = .storagePool(spec)
        }
        let plan = Planner().plan(
            [manifest],
            observed: try observed(active: active, mode: mode),
            inventory: Inventory(uri: "test:///default", entries: [.init(id: pool.id)])
        )
        return plan.steps.first
    }

    @Test("an active pool with another mode is redefined, stopped, built and started")
    func activePool() throws {
        let step = try #require(try Self.step(active: true, mode: "0700"))
        #expect(step.change == .update)
        #expect(step.operations.map(\.description) == ["define", "stop", "build", "start"])
    }

    @Test("an inactive pool with another mode is redefined, built and started as the manifest says")
    func inactivePool() throws {
        let step = try #require(try Self.step(active: false, mode: "0700"))
        #expect(step.operations.map(\.description) == ["define", "build", "start"])
    }

    @Test("an active pool that is to stop and changed is stopped once, before it is built")
    func stoppingPool() throws {
        let step = try #require(try Self.step(active: true, mode: "0700", want: false))
        #expect(step.operations.map(\.description) == ["define", "stop", "build"])
        #expect(step.fields.map(\.path).contains("active"))
    }
}
