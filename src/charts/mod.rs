//! One drawing function per figure, generic over plotters' `DrawingBackend`.
