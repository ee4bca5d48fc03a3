"""``python -m pari_index``: the ``pari`` command (pari_index.launch)."""

from pari_index.launch import main

if __name__ == "__main__":
    main()
