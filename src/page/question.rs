//! The article's questions as the page names them, the reader's answers
//! and where each question stands; `questions` judges them against the
//! live model.

use super::section::Section;
use super::words::words;

words! {
    /// The questions, in page order (`data-question`, `ask=`).
    Question {
        /// Will BCE go up or down without the L2 penalty?
        Penalty = "penalty",
        /// Which red point gets the tallest bar? (pick a point)
        RedTallest = "red-tallest",
        /// How many points does the fit get wrong?
        Misclassified = "misclassified",
        /// Which point has the largest loss? (pick a point)
        LargestLoss = "largest-loss",
        /// What does tf.keras print for the call?
        KerasPrint = "keras-print",
        /// Which sample of the categorical call has the largest loss?
        CceLargest = "cce-largest",
        /// Will a point's share of the focal loss grow at γ = 5?
        FocalShare = "focal-share",
        /// Does the focal fit cross ½ left or right of the cross-entropy fit?
        FocalShift = "focal-shift",
        /// What target does the true class get?
        SmoothedTarget = "smoothed-target",
        /// Does the logit gap grow with more classes?
        GapClasses = "gap-classes",
    }
}

impl Question {
    /// The section it sits in.
    pub fn section(self) -> Section {
        match self {
            Question::Penalty | Question::RedTallest | Question::Misclassified | Question::LargestLoss => Section::Bce,
            Question::KerasPrint => Section::Keras,
            Question::CceLargest => Section::Cce,
            Question::FocalShare | Question::FocalShift => Section::Focal,
            Question::SmoothedTarget | Question::GapClasses => Section::Smoothing,
        }
    }

    /// Whether it is answered by picking a point in a figure (else by a choice).
    pub fn picks_point(self) -> bool {
        matches!(self, Question::RedTallest | Question::LargestLoss)
    }

    /// Where the page shows the answer (a selector).
    pub fn reveal(self) -> &'static str {
        match self {
            Question::Penalty => "[data-slot=\"fit\"]",
            Question::RedTallest => "[data-slot=\"red-bars\"]",
            Question::Misclassified => "[data-slot=\"true-class-bars\"]",
            Question::LargestLoss => "[data-slot=\"point-losses\"]",
            Question::KerasPrint => "[data-results=\"bce\"]",
            Question::CceLargest => "[data-slot=\"cce\"]",
            Question::FocalShare => "[data-slot=\"focal-points\"]",
            Question::FocalShift => "[data-slot=\"focal-fit\"]",
            Question::SmoothedTarget => "[data-slot=\"smoothing-targets\"]",
            Question::GapClasses => "[data-slot=\"smoothing-logits\"]",
        }
    }

    /// Its number on the page, from 1.
    pub fn number(self) -> usize {
        Question::ALL.iter().position(|&q| q == self).map_or(0, |i| i + 1)
    }

    pub(super) fn key(self, part: &str) -> String {
        format!("q.{}.{part}", self.word())
    }
}

/// What the reader answered: a point (its index in the state's points), or a
/// choice (its id, which does not depend on the language).
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Point(usize),
    Choice(String),
}

/// Where a question stands for the reader.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Open,
    Skipped,
    /// Answered; `right` is judged against the model as it is now.
    Answered {
        right: bool,
    },
}

/// The reader's answers in this visit, and what earlier visits left.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Questions {
    /// Answered in this visit: the answer, and whether it was right then.
    given: Vec<(Question, Answer, bool)>,
    skipped: Vec<Question>,
    /// From earlier visits: answered, and whether right then.
    earlier: Vec<(Question, bool)>,
    /// The question a click on a point answers, instead of flipping it.
    pub picking: Option<Question>,
}

impl Questions {
    /// The answer given to `question` in this visit.
    pub fn given(&self, question: Question) -> Option<&Answer> {
        self.given.iter().find(|(q, ..)| *q == question).map(|(_, a, _)| a)
    }

    pub fn answer(&mut self, question: Question, answer: Answer, right: bool) {
        self.forget(question);
        self.given.push((question, answer, right));
    }

    pub fn skip(&mut self, question: Question) {
        self.forget(question);
        self.skipped.push(question);
    }

    /// Open again, as if never answered in this visit.
    pub fn forget(&mut self, question: Question) {
        self.given.retain(|(q, ..)| *q != question);
        self.skipped.retain(|q| *q != question);
        if self.picking == Some(question) {
            self.picking = None;
        }
    }

    /// Earlier visits' answers: `key=1` (right) or `key=0`, comma-separated,
    /// as [`Questions::stored`] writes them. Anything else is passed over:
    /// the text is the page's own, kept by the browser.
    pub fn restore(&mut self, stored: &str) {
        for item in stored.split(',') {
            let Some((key, right)) = item.split_once('=') else { continue };
            if let (Some(q), "0" | "1") = (Question::from_word(key.trim()), right.trim()) {
                self.earlier.retain(|(known, _)| *known != q);
                self.earlier.push((q, right.trim() == "1"));
            }
        }
    }

    /// The progress to keep: every question answered in this visit or an
    /// earlier one, and whether the last answer was right.
    pub fn stored(&self) -> String {
        let mut items: Vec<String> = Vec::new();
        for q in Question::ALL {
            let now = self.given.iter().find(|(known, ..)| *known == q).map(|(_, _, right)| *right);
            if let Some(right) = now.or_else(|| self.answered_before(q)) {
                items.push(format!("{}={}", q.word(), u8::from(right)));
            }
        }
        items.join(",")
    }

    /// Whether `question` was skipped in this visit.
    pub fn skipped(&self, question: Question) -> bool {
        self.skipped.contains(&question)
    }

    /// Whether `question` was answered in an earlier visit, and right.
    pub fn answered_before(&self, question: Question) -> Option<bool> {
        self.earlier.iter().find(|(q, _)| *q == question).map(|(_, right)| *right)
    }
}
