//! The trained data compiled into the crate, one set per [`Scheme`], each parsed on first
//! use (see `train/README.md`).

use std::sync::LazyLock;

use super::gazetteer::{hand_written_tsv, Gazetteer};
use super::model::Model;
use super::silver::Silver;
use super::Scheme;

/// One trained tagger's weights and the tables it was trained with.
pub struct Trained {
    /// The weights.
    pub model: Model,
    /// Names of the training data, and the hand-written `names.tsv`.
    pub gazetteer: Gazetteer,
    /// How often the first-stage tagger labelled each word of unlabeled news.
    pub silver: Silver,
    /// Multi-word names the first-stage tagger found in unlabeled news.
    pub silver_names: Gazetteer,
}

impl Trained {
    fn parse(model: &[u8], gazetteer: &str, silver: &str, silver_names: &str) -> Trained {
        let mut g = Gazetteer::parse(gazetteer);
        g.add_tsv(hand_written_tsv());
        Trained {
            model: Model::parse(model).unwrap_or_else(Model::empty),
            gazetteer: g,
            silver: Silver::parse(silver),
            silver_names: Gazetteer::parse(silver_names),
        }
    }
}

macro_rules! trained {
    ($dir:literal) => {
        trained!(
            $dir,
            include_str!(concat!("../../data/entities/", $dir, "/silver.tsv")),
            include_str!(concat!("../../data/entities/", $dir, "/silver_names.tsv"))
        )
    };
    ($dir:literal, $silver:expr, $silver_names:expr) => {
        LazyLock::new(|| {
            Trained::parse(
                include_bytes!(concat!("../../data/entities/", $dir, "/model.bin")),
                include_str!(concat!("../../data/entities/", $dir, "/gazetteer.tsv")),
                $silver,
                $silver_names,
            )
        })
    };
}

/// The news model is trained without silver statistics (`train/README.md`).
static NEWS: LazyLock<Trained> = trained!("news", "", "");
static ANERCORP: LazyLock<Trained> = trained!("anercorp");

/// The tagger compiled into the crate for `scheme`.
pub fn trained(scheme: Scheme) -> &'static Trained {
    match scheme {
        Scheme::News => &NEWS,
        Scheme::Anercorp => &ANERCORP,
    }
}
