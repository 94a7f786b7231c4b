//! Where every message goes: handled one at a time, in the order they came.
//! An event that arrives while another is being handled (a handler that
//! fires events of its own) waits its turn instead of being lost. The page's
//! shell says who handles them ([`serve`]); everything else only posts.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use super::changes::Changes;
use super::msg::Msg;

/// Handles one message; `None` when the page is not mounted.
pub type Handler = fn(Msg) -> Option<Changes>;

thread_local! {
    static HANDLER: Cell<Option<Handler>> = const { Cell::new(None) };
    static QUEUE: RefCell<VecDeque<Msg>> = const { RefCell::new(VecDeque::new()) };
    static BUSY: Cell<bool> = const { Cell::new(false) };
}

/// From now on, `handler` handles every message.
pub fn serve(handler: Handler) {
    HANDLER.with(|h| h.set(Some(handler)));
}

/// Handles `msg`, then every message that arrived meanwhile. Returns the
/// changes of `msg` itself, already applied, when it was handled at once (an
/// event handler reads them for what only it can do, such as capturing the
/// pointer); `None` when it waited behind a message being handled.
pub fn post(msg: Msg) -> Option<Changes> {
    QUEUE.with(|q| q.borrow_mut().push_back(msg));
    if BUSY.with(|b| b.replace(true)) {
        return None;
    }
    let handler = HANDLER.with(Cell::get);
    let mut first = None;
    while let Some(msg) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
        let changes = handler.and_then(|handle| handle(msg));
        first.get_or_insert(changes);
    }
    BUSY.with(|b| b.set(false));
    first.flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static HANDLED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }

    /// Handles a message, and posts another while the first is being handled.
    fn handler(msg: Msg) -> Option<Changes> {
        HANDLED.with(|h| h.borrow_mut().push(format!("{msg:?}")));
        if msg == Msg::Blur {
            assert_eq!(post(Msg::Frame), None, "a message posted meanwhile waits");
            HANDLED.with(|h| h.borrow_mut().push("after the post".into()));
        }
        Some(Changes { handled: msg == Msg::Blur, ..Changes::default() })
    }

    #[test]
    fn a_message_posted_while_another_is_handled_waits_its_turn() {
        assert_eq!(post(Msg::Frame), None, "nobody serves yet: nothing is handled");
        serve(handler);
        let changes = post(Msg::Blur).expect("handled at once");
        assert!(changes.handled, "the changes are the first message's");
        let handled = HANDLED.with(|h| h.borrow().clone());
        assert_eq!(handled, ["Blur", "after the post", "Frame"]);
    }
}
