/// What a failure says about the host's state, for a caller that observed the host before the call and
/// must tell "the host moved meanwhile" from a real failure.
///
/// libvirt gives a specific code for an object that already exists (`VIR_ERR_DOM_EXIST`,
/// `VIR_ERR_NETWORK_EXIST`, `VIR_ERR_STORAGE_VOL_EXIST`) and for one that is gone (`isNotFound`), and
/// those are used alone. For a state that does not allow the call (already running or active, not
/// running, busy with another job) every driver raises the generic `VIR_ERR_OPERATION_INVALID` (the
/// test driver `VIR_ERR_INTERNAL_ERROR`), and a pool defined twice the generic `VIR_ERR_OPERATION_FAILED`:
/// only libvirt's message tells those apart, so it is read there, and only under those codes.
extension LibvirtError {
    /// Whether the call failed because the object already is what the call would make it: it exists
    /// (`storage volume … exists already`, `pool … already exists`), already runs or is already active.
    /// After a crash, libvirtd may finish a dead client's last call after the next client looked:
    /// such an object is observed again, not created again.
    public var isAlreadyDone: Bool {
        Self.alreadyDoneCodes.contains(code)
            // "domain is already running", "network is already active", "storage pool '…' is already active"
            || (code == .operationInvalid && message.contains("already"))
            // "pool '…' already exists with uuid …", "domain '…' is already defined with uuid …"
            || (code == .operationFailed && message.contains("already"))
            // an existing object, as some drivers report it (the test driver words its errors as internal ones)
            || (code == .internalError && message.contains("already exists"))
    }

    private static let alreadyDoneCodes: Set<LibvirtErrorCode> = [.domainExists, .networkExists, .storageVolumeExists]

    /// Whether libvirtd is still working on the object for another call (`volume … is still being
    /// allocated`, `pool … has asynchronous jobs running`): wait, then look again. libvirt raises both
    /// as `VIR_ERR_OPERATION_INVALID`, not as `VIR_ERR_RESOURCE_BUSY`.
    public var isBusy: Bool {
        code == .operationInvalid
            && (message.contains("still being allocated") || message.contains("asynchronous jobs"))
    }

    /// Whether a stop failed because the object is not running or not active any more ("domain is not
    /// running", "network is not active"; `VIR_ERR_OPERATION_INVALID` too).
    public var isNotRunning: Bool {
        code == .operationInvalid && (message.contains("not running") || message.contains("not active"))
    }
}
