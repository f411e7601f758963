//! Construction-by-construction tests of the pipeline on small made-up
//! sentences.

use super::*;
