internal import CLibvirt

extension LibvirtDomain {
    /// The persistent definition with its secrets (graphics passwords) kept, as a rollback must define
    /// it again (`virDomainGetXMLDesc` with `VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE`).
    public func definitionWithSecrets() throws(LibvirtError) -> String {
        let flags = VIR_DOMAIN_XML_INACTIVE.rawValue | VIR_DOMAIN_XML_SECURE.rawValue
        return try Check.string("virDomainGetXMLDesc", virDomainGetXMLDesc(handle, flags))
    }

    /// Asks the QEMU guest agent for the guest's clock (`virDomainGetTime`): it succeeds only when an
    /// agent runs in the guest and answers, which is what a guest-agent health check wants to know.
    public func guestAgentAnswers() -> Bool {
        var seconds: Int64 = 0
        var nanoseconds: UInt32 = 0
        return (try? Check.status("virDomainGetTime", virDomainGetTime(handle, &seconds, &nanoseconds, 0))) != nil
    }
}
