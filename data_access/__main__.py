import sys

from data_access.cli import main

sys.exit(main())
