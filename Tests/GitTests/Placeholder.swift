// Placeholder so the target builds until its first real test lands.
enum GitTestsPlaceholder {}
