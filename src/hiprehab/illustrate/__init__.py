"""Illustrations of exercises: figures drawn from pose descriptions, and users' pictures.

The modules, from pure geometry to output:

- ``body``, ``props``, ``geometry``: a pose description becomes a :class:`~.scene.Scene`
  of strokes, discs and polygons (pure, no drawing library);
- ``draw_pdf`` and ``draw_png``: a scene drawn with reportlab or Pillow;
- ``pictures``: users' own pictures, loaded and checked with Pillow;
- ``figures`` and ``sheet``: the functions the CLI and the PDF renderer call.

Nothing here imports reportlab or Pillow at import time: ``hiprehab --help`` and
catalogue loading stay fast.
"""
