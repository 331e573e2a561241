import LibvirtXML
import Testing
import VirtsyncManifest
import VirtsyncPlan

@Suite("prune honours the domain's own shutdown timeout")
struct PruneTimeoutTests {
    @Test("a running domain that left git is shut down with the timeout its manifest had")
    func pruneUsesRecordedTimeout() throws {
        let id = ObjectID(.domain, "web1")
        let observed = ObservedState(objects: [
            id: ObservedObject(
                id: id,
                xml: try XElement(parsing: "<domain><name>web1</name></domain>"),
                active: true,
                power: .running
            )
        ])
        let inventory = Inventory(uri: "test:///default", entries: [Inventory.Entry(id: id, shutdownTimeoutSeconds: 7)])
        let plan = Planner(options: PlanOptions(prune: true)).plan([], observed: observed, inventory: inventory)
        #expect(plan.steps.first?.operations == [.shutdown(timeoutSeconds: 7), .undefine])
    }

    @Test("an inventory written before the timeout was kept falls back to 120 seconds")
    func pruneDefaultsTimeout() throws {
        let id = ObjectID(.domain, "web1")
        let observed = ObservedState(objects: [
            id: ObservedObject(
                id: id,
                xml: try XElement(parsing: "<domain><name>web1</name></domain>"),
                active: true,
                power: .running
            )
        ])
        let plan = Planner(options: PlanOptions(prune: true)).plan(
            [],
            observed: observed,
            inventory: Inventory(uri: "x", entries: [Inventory.Entry(id: id)])
        )
        #expect(plan.steps.first?.operations == [.shutdown(timeoutSeconds: 120), .undefine])
    }
}
