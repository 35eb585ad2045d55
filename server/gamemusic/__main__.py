from gamemusic.cli import main

main()
