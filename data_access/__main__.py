"""python -m data_access: the command line (cli.commands), kept under the data layer's name as documented."""
import sys

from cli.commands import main

sys.exit(main())
