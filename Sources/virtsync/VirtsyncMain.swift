@main
struct VirtsyncMain {
    static func main() {}
}
