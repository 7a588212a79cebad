from manifest.cli import main

main()
