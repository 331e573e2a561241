public import Foundation

extension StatusFile {
    /// Shows a download's progress in the status file between two reconciles' writes: the file is read,
    /// the object's entry replaced (dropped once complete) and written back atomically. The reconcile's
    /// own write at the end of the pass carries no downloads, so none outlives its pass.
    public static func recordDownload(_ download: DownloadStatus, path: String) {
        guard var status = try? load(path: path) else { return }
        var downloads = (status.downloads ?? []).filter { $0.object != download.object }
        if download.totalBytes.map({ download.receivedBytes < $0 }) ?? true { downloads.append(download) }
        status.downloads = downloads.isEmpty ? nil : downloads
        try? write(status, to: path)
    }
}
