import Prometheus
import VirtsyncManifest

extension MetricsReporter {
    /// A kind and state pair: the labels of `virtsync_objects`.
    struct ObjectKey: Hashable {
        var kind: ManifestKind
        var state: ObjectState
    }

    /// Makes `virtsync_`-prefixed series in one registry.
    struct Names {
        let registry: PrometheusCollectorRegistry

        static func descriptor(_ name: String, help: String) -> MetricNameDescriptor {
            // The unit is part of `name` already (`_seconds`, `_total`), so the descriptor gets none.
            MetricNameDescriptor(namespace: "virtsync", metricName: name, unitName: "", helpText: help)
        }

        func descriptor(_ name: String, help: String) -> MetricNameDescriptor {
            Self.descriptor(name, help: help)
        }

        func counter(_ name: String, help: String) -> Counter {
            registry.makeCounter(descriptor: descriptor(name, help: help))
        }

        func gauge(_ name: String, help: String, labels: [(String, String)] = []) -> Gauge {
            registry.makeGauge(descriptor: descriptor(name, help: help), labels: labels)
        }

        func counters<Value: RawRepresentable & Hashable>(
            _ name: String,
            label: String,
            values: [Value],
            help: String
        ) -> [Value: Counter] where Value.RawValue == String {
            Dictionary(
                uniqueKeysWithValues: values.map { value in
                    (
                        value,
                        registry.makeCounter(
                            descriptor: descriptor(name, help: help),
                            labels: [(label, value.rawValue)]
                        )
                    )
                }
            )
        }

        func objectGauges() -> [ObjectKey: Gauge] {
            let help = "Managed objects by kind (as in manifests) and state (as in the status file)."
            var gauges: [ObjectKey: Gauge] = [:]
            for kind in ManifestKind.allCases {
                for state in ObjectState.allCases {
                    gauges[ObjectKey(kind: kind, state: state)] = registry.makeGauge(
                        descriptor: descriptor("objects", help: help),
                        labels: [("kind", kind.rawValue), ("state", state.rawValue)]
                    )
                }
            }
            return gauges
        }
    }
}
