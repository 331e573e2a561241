import LibvirtXML

extension DomainSpec {
    /// A watchdog the guest must keep feeding, else libvirt acts (virt-install's `--watchdog`).
    public struct Watchdog: Sendable, Hashable {
        public enum Model: String, Sendable, Hashable, CaseIterable { case i6300esb, ib700, itco, diag288 }
        public enum Action: String, Sendable, Hashable, CaseIterable {
            case reset, shutdown, poweroff, pause, none, dump
            case injectNMI = "inject-nmi"
        }
        public var model: Model
        public var action: Action
        public init(model: Model = .i6300esb, action: Action = .reset) {
            self.model = model
            self.action = action
        }
    }
}

extension DeviceList {
    static let watchdogs = DeviceList(
        "watchdogs",
        element: "watchdog",
        \.watchdogs,
        schema: DomainSpec.Watchdog.schema,
        keyedBy: "`model`",
        xmlKey: { $0[attribute: "model"] },
        change: .pendingRestart,
        "watchdogs (`{}`: i6300esb, reset)",
        xml: { item, _ in item.xml }
    )
}

extension DomainSpec.Watchdog {
    static let schema = Schema<Self>(
        { Self() },
        [
            Member(
                "model",
                \.model,
                .choice,
                "`i6300esb`, `ib700`, `itco` or `diag288`; the key of the list",
                default: "`i6300esb`"
            ),
            Member(
                "action",
                \.action,
                .choice,
                "what libvirt does when the guest stops feeding it: `reset`, `shutdown`, `poweroff`, `pause`, `none`, `dump`, `inject-nmi`",
                default: "`reset`"
            ),
        ]
    )

    /// `<watchdog model='i6300esb' action='reset'/>`.
    var xml: XElement { XElement("watchdog", ["model": model.rawValue, "action": action.rawValue]) }
}
