//! Where every message goes: handled one at a time, in the order they came.
//! An event that arrives while another is being handled (a handler that
//! fires events of its own) waits its turn instead of being lost. The shell
//! says who handles them ([`serve`]); everything else only posts.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use crate::page::{Changes, Msg};

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
