internal import CLibvirt

extension LibvirtDomain {
    /// Starts the defined domain (`virDomainCreate`).
    public func start() throws(LibvirtError) {
        try connection.write("virDomainCreate") { virDomainCreate(handle) }
    }

    /// Asks the guest to shut down; returns before it has (`virDomainShutdown`).
    public func shutdown() throws(LibvirtError) {
        try connection.write("virDomainShutdown") { virDomainShutdown(handle) }
    }

    /// Stops the domain at once, like pulling the plug (`virDomainDestroy`).
    public func destroy() throws(LibvirtError) {
        try connection.write("virDomainDestroy") { virDomainDestroy(handle) }
    }

    /// Pauses the domain's CPUs (`virDomainSuspend`).
    public func suspend() throws(LibvirtError) {
        try connection.write("virDomainSuspend") { virDomainSuspend(handle) }
    }

    /// Resumes a paused domain (`virDomainResume`).
    public func resume() throws(LibvirtError) {
        try connection.write("virDomainResume") { virDomainResume(handle) }
    }
}
