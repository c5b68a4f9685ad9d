//! The tree html5ever builds for the cleaner: a flat arena of nodes linked by index, each element
//! reduced at creation to what the cleaner reads (its name's role, hidden and author flags, the
//! og:title of a `<meta>`), so no attribute list, selector data or parse-error list is kept.
//! Walks over it are iterative (first child, next sibling, parent), so any depth is safe.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

use html5ever::interface::ElemName;
use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{
    ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{local_name, Attribute, LocalName, Namespace, QualName};

use super::super::Reason;
use super::tokenize::{tokenize, Mode};
use super::trim::{display_none, names_author, MAX_DEPTH};

/// No node.
pub(super) const NONE: u32 = u32::MAX;

/// What the cleaner does with an element, from its name.
#[derive(Clone, Copy, Default)]
pub(super) struct Role {
    /// Its content is never visible text (script, style, head, form widgets …).
    pub skip: bool,
    /// It starts and ends a block of text.
    pub block: bool,
    /// A link.
    pub link: bool,
    /// 1 to 6 for h1 to h6, else 0.
    pub heading: u8,
    /// The reason given to blocks inside it when it is page chrome.
    pub chrome: Option<Reason>,
    /// `<title>`.
    pub title: bool,
    /// `<meta>`.
    pub meta: bool,
    /// `<script>` or `<style>`: the tree keeps no text under it.
    pub code: bool,
    /// A table or one of its rows or cells.
    pub table: bool,
    /// An image (`<img>`, `<picture>`, `<video>`).
    pub image: bool,
    /// `<br>`.
    pub br: bool,
}

impl Role {
    /// The role of an element named `name` (matched by atom: no string comparison).
    fn of(name: &LocalName) -> Role {
        let mut r = Role::default();
        match *name {
            local_name!("script") | local_name!("style") => {
                r.skip = true;
                r.code = true;
            }
            local_name!("noscript")
            | local_name!("template")
            | local_name!("svg")
            | local_name!("math")
            | local_name!("iframe")
            | local_name!("object")
            | local_name!("embed")
            | local_name!("canvas")
            | local_name!("select")
            | local_name!("textarea")
            | local_name!("button")
            | local_name!("head")
            | local_name!("audio") => r.skip = true,
            local_name!("video") | local_name!("picture") => {
                r.skip = true;
                r.image = true;
            }
            local_name!("address")
            | local_name!("article")
            | local_name!("blockquote")
            | local_name!("body")
            | local_name!("center")
            | local_name!("dd")
            | local_name!("details")
            | local_name!("dialog")
            | local_name!("dir")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("fieldset")
            | local_name!("figure")
            | local_name!("hr")
            | local_name!("html")
            | local_name!("li")
            | local_name!("main")
            | local_name!("ol")
            | local_name!("p")
            | local_name!("pre")
            | local_name!("section")
            | local_name!("summary")
            | local_name!("tfoot")
            | local_name!("ul")
            | local_name!("input")
            | local_name!("label")
            | local_name!("legend")
            | local_name!("caption")
            | local_name!("option") => r.block = true,
            local_name!("nav") | local_name!("header") | local_name!("menu") => {
                r.chrome = Some(Reason::Navigation)
            }
            local_name!("footer") => r.chrome = Some(Reason::Copyright),
            local_name!("aside") => r.chrome = Some(Reason::Related),
            local_name!("form") => r.chrome = Some(Reason::CommentForm),
            local_name!("figcaption") => r.chrome = Some(Reason::Caption),
            local_name!("table")
            | local_name!("tr")
            | local_name!("td")
            | local_name!("th")
            | local_name!("tbody")
            | local_name!("thead") => {
                r.block = true;
                r.table = true;
            }
            local_name!("br") => {
                r.block = true;
                r.br = true;
            }
            local_name!("img") => {
                r.block = true;
                r.image = true;
            }
            local_name!("h1") => r.heading = 1,
            local_name!("h2") => r.heading = 2,
            local_name!("h3") => r.heading = 3,
            local_name!("h4") => r.heading = 4,
            local_name!("h5") => r.heading = 5,
            local_name!("h6") => r.heading = 6,
            local_name!("a") => r.link = true,
            local_name!("title") => r.title = true,
            local_name!("meta") => r.meta = true,
            _ => {}
        }
        // chrome elements and headings are blocks too
        r.block |= r.chrome.is_some() || r.heading > 0;
        r
    }
}

/// The attributes the cleaner reads, by bit: which of them an element has (for
/// `add_attrs_if_missing`).
const HIDDEN: u8 = 1;
const ARIA_HIDDEN: u8 = 2;
const STYLE: u8 = 4;
const CLASS: u8 = 8;
const ID: u8 = 16;
const ITEMPROP: u8 = 32;
const REL: u8 = 64;

/// An element, as the cleaner sees it. Kept small (a big page has hundreds of thousands): the
/// name without its prefix (elements have none in HTML parsing), the rare og:title boxed.
pub(super) struct Elem {
    pub ns: Namespace,
    pub local: LocalName,
    pub role: Role,
    /// `hidden`, `aria-hidden="true"` or `display:none` in its style.
    pub hidden: bool,
    /// A class, id, itemprop or rel that names the author, byline or writer.
    pub author: bool,
    /// A `<meta>`'s content when its property (else its name) is og:title.
    pub og_title: Option<Box<StrTendril>>,
    present: u8,
}

impl Elem {
    fn new(name: QualName, attrs: &[Attribute]) -> Elem {
        let role = Role::of(&name.local);
        let mut e = Elem {
            ns: name.ns,
            local: name.local,
            role,
            hidden: false,
            author: false,
            og_title: None,
            present: 0,
        };
        e.read(attrs);
        e
    }

    /// Reads the flags from attributes the element does not have yet.
    fn read(&mut self, attrs: &[Attribute]) {
        let mut og = None;
        for a in attrs {
            let value: &str = &a.value;
            let bit = match a.name.local {
                local_name!("hidden") => HIDDEN,
                local_name!("aria-hidden") => ARIA_HIDDEN,
                local_name!("style") => STYLE,
                local_name!("class") => CLASS,
                local_name!("id") => ID,
                local_name!("itemprop") => ITEMPROP,
                local_name!("rel") => REL,
                _ => 0,
            };
            if bit != 0 {
                if self.present & bit != 0 {
                    continue;
                }
                self.present |= bit;
            }
            match bit {
                HIDDEN => self.hidden = true,
                ARIA_HIDDEN => self.hidden |= value == "true",
                STYLE => self.hidden |= display_none(value),
                0 => {}
                _ => self.author |= names_author(value),
            }
        }
        if self.role.meta && self.og_title.is_none() {
            let attr = |n: &str| attrs.iter().find(|a| &*a.name.local == n);
            let key = attr("property").or_else(|| attr("name"));
            if key.is_some_and(|k| k.value.eq_ignore_ascii_case("og:title")) {
                og = attr("content").map(|c| Box::new(c.value.clone()));
            }
            self.og_title = og;
        }
    }
}

/// What a node holds.
pub(super) enum Data {
    Document,
    Element(Elem),
    /// Text, and where it starts in the page as far as the tokenizer knows (a byte offset of
    /// the text token that made the node, [`NONE`] when unknown; a hint to check, as the tree
    /// builder may have moved or split the text).
    Text(StrTendril, u32),
    /// Comments, processing instructions, a template's contents.
    Other,
}

/// One node and its links.
pub(super) struct Node {
    pub parent: u32,
    pub first: u32,
    pub last: u32,
    pub prev: u32,
    pub next: u32,
    pub data: Data,
}

/// A parsed page.
pub(super) struct Dom {
    pub nodes: Vec<Node>,
}

/// A step of a walk.
pub(super) enum Edge {
    Open(u32),
    Close(u32),
}

impl Dom {
    /// Parses a page for the cleaner: our tokenizer (`tokenize.rs`), leaving out what the
    /// cleaner never reads (`trim.rs`), into html5ever's HTML5 tree construction.
    pub fn parse(page: &str) -> Dom {
        Dom::parse_with(
            page,
            Mode::Cleaner {
                max_depth: MAX_DEPTH,
            },
        )
    }

    /// Parses a page, the tokenizer in `mode`.
    pub fn parse_with(page: &str, mode: Mode) -> Dom {
        let builder = TreeBuilder::new(Sink::for_page(page), TreeBuilderOpts::default());
        tokenize(page, &builder, mode, &builder.sink.text_at);
        builder.sink.finish()
    }

    /// Parses a page with html5ever's own tokenizer: the reference that the tests and the
    /// fuzzer hold [`Dom::parse`] to.
    pub fn parse_html5ever(page: &str) -> Dom {
        use html5ever::tendril::TendrilSink;
        html5ever::parse_document(Sink::for_page(page), Default::default()).one(page)
    }

    /// The tree as text: what the cleaner reads of each element (name, namespace, hidden,
    /// author, og:title), the text nodes, and the other nodes, nested. Two parses of a page
    /// that the cleaner cannot tell apart give the same dump.
    pub fn dump(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        self.walk(|edge| {
            let _ = match edge {
                Edge::Open(n) => match &self.nodes[n as usize].data {
                    Data::Document => write!(out, "#document["),
                    Data::Element(e) => write!(
                        out,
                        "<{}:{} {} {} {:?}>[",
                        e.ns,
                        e.local,
                        u8::from(e.hidden),
                        u8::from(e.author),
                        e.og_title.as_deref().map(|t| &**t)
                    ),
                    Data::Text(t, _) => write!(out, "{:?}[", &**t),
                    Data::Other => write!(out, "#other["),
                },
                Edge::Close(_) => write!(out, "]"),
            };
        });
        out
    }

    /// Calls `f` on every node's opening and closing, in document order, from the root.
    #[inline]
    pub fn walk(&self, mut f: impl FnMut(Edge)) {
        let nodes = &self.nodes;
        let mut n = 0u32;
        loop {
            f(Edge::Open(n));
            let node = &nodes[n as usize];
            if node.first != NONE {
                n = node.first;
                continue;
            }
            loop {
                f(Edge::Close(n));
                if n == 0 {
                    return;
                }
                let node = &nodes[n as usize];
                if node.next != NONE {
                    n = node.next;
                    break;
                }
                n = node.parent;
            }
        }
    }
}

impl Node {
    fn new(data: Data) -> Node {
        Node {
            parent: NONE,
            first: NONE,
            last: NONE,
            prev: NONE,
            next: NONE,
            data,
        }
    }
}

/// An element's name as the tree builder reads it.
pub(super) struct ElemRef<'a>(Ref<'a, Elem>);

impl ElemName for ElemRef<'_> {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }

    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

impl std::fmt::Debug for ElemRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.0.ns, self.0.local)
    }
}

/// The html5ever tree sink that fills a [`Dom`].
struct Sink {
    nodes: RefCell<Vec<Node>>,
    /// Where the text token being processed starts in the page (set by the tokenizer).
    text_at: Cell<u32>,
}

impl Sink {
    /// An empty tree with room for a page's nodes: a node is an element (a start tag's, or one
    /// the tree builder adds or clones) or the text between two tags, about one node a `<`, so
    /// the arena seldom grows (and copies).
    fn for_page(page: &str) -> Sink {
        let tags = memchr::memchr_iter(b'<', page.as_bytes()).count();
        let sink = Sink {
            nodes: RefCell::new(Vec::with_capacity(tags + 16)),
            text_at: Cell::new(NONE),
        };
        sink.nodes.borrow_mut().push(Node::new(Data::Document));
        sink
    }

    fn push(&self, data: Data) -> u32 {
        push(&mut self.nodes.borrow_mut(), data)
    }
}

/// Adds a detached node to the arena; gives its id.
fn push(nodes: &mut Vec<Node>, data: Data) -> u32 {
    nodes.push(Node::new(data));
    (nodes.len() - 1) as u32
}

/// Unlinks a node from its parent and siblings.
fn detach(nodes: &mut [Node], id: u32) {
    let (parent, prev, next) = {
        let n = &nodes[id as usize];
        (n.parent, n.prev, n.next)
    };
    if parent == NONE {
        return;
    }
    if prev != NONE {
        nodes[prev as usize].next = next;
    } else {
        nodes[parent as usize].first = next;
    }
    if next != NONE {
        nodes[next as usize].prev = prev;
    } else {
        nodes[parent as usize].last = prev;
    }
    let n = &mut nodes[id as usize];
    n.parent = NONE;
    n.prev = NONE;
    n.next = NONE;
}

/// Adds `text` to the end of node `id` when that is a text node (html5ever's sinks merge
/// adjacent text this way); gives `text` back when `id` is [`NONE`] or no text node.
fn merge_text(nodes: &mut [Node], id: u32, text: StrTendril) -> Option<StrTendril> {
    if id != NONE {
        if let Data::Text(t, _) = &mut nodes[id as usize].data {
            t.push_tendril(&text);
            return None;
        }
    }
    Some(text)
}

/// Appends a detached node as the last child of `parent`.
fn append_child(nodes: &mut [Node], parent: u32, id: u32) {
    let last = nodes[parent as usize].last;
    {
        let n = &mut nodes[id as usize];
        n.parent = parent;
        n.prev = last;
        n.next = NONE;
    }
    if last != NONE {
        nodes[last as usize].next = id;
    } else {
        nodes[parent as usize].first = id;
    }
    nodes[parent as usize].last = id;
}

/// Inserts a detached node just before `sibling`, which has a parent.
fn insert_before(nodes: &mut [Node], sibling: u32, id: u32) {
    let (parent, prev) = {
        let s = &nodes[sibling as usize];
        (s.parent, s.prev)
    };
    {
        let n = &mut nodes[id as usize];
        n.parent = parent;
        n.prev = prev;
        n.next = sibling;
    }
    nodes[sibling as usize].prev = id;
    if prev != NONE {
        nodes[prev as usize].next = id;
    } else {
        nodes[parent as usize].first = id;
    }
}

impl TreeSink for Sink {
    type Handle = u32;
    type Output = Dom;
    type ElemName<'a> = ElemRef<'a>;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> u32 {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a u32) -> ElemRef<'a> {
        ElemRef(Ref::map(self.nodes.borrow(), |nodes| {
            match &nodes[*target as usize].data {
                Data::Element(e) => e,
                _ => unreachable!("the tree builder asks element names of elements only"),
            }
        }))
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> u32 {
        let mut nodes = self.nodes.borrow_mut();
        let id = push(&mut nodes, Data::Element(Elem::new(name, &attrs)));
        if flags.template {
            // the template's contents: a fragment under it, as scraper builds it
            let contents = push(&mut nodes, Data::Other);
            append_child(&mut nodes, id, contents);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> u32 {
        self.push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> u32 {
        self.push(Data::Other)
    }

    fn append(&self, parent: &u32, child: NodeOrText<u32>) {
        match child {
            NodeOrText::AppendNode(id) => {
                let mut nodes = self.nodes.borrow_mut();
                detach(&mut nodes, id);
                append_child(&mut nodes, *parent, id);
            }
            NodeOrText::AppendText(text) => {
                let mut nodes = self.nodes.borrow_mut();
                let p = &nodes[*parent as usize];
                if let Data::Element(e) = &p.data {
                    if e.role.code {
                        return;
                    }
                }
                let last = p.last;
                if let Some(text) = merge_text(&mut nodes, last, text) {
                    let id = push(&mut nodes, Data::Text(text, self.text_at.get()));
                    append_child(&mut nodes, *parent, id);
                }
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &u32, prev: &u32, child: NodeOrText<u32>) {
        let has_parent = self.nodes.borrow()[*element as usize].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let mut nodes = self.nodes.borrow_mut();
        let id = push(&mut nodes, Data::Other);
        append_child(&mut nodes, 0, id);
    }

    fn get_template_contents(&self, target: &u32) -> u32 {
        self.nodes.borrow()[*target as usize].first
    }

    fn same_node(&self, x: &u32, y: &u32) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &u32, new_node: NodeOrText<u32>) {
        match new_node {
            NodeOrText::AppendNode(id) => {
                let mut nodes = self.nodes.borrow_mut();
                detach(&mut nodes, id);
                if nodes[*sibling as usize].parent != NONE {
                    insert_before(&mut nodes, *sibling, id);
                }
            }
            NodeOrText::AppendText(text) => {
                let mut nodes = self.nodes.borrow_mut();
                let s = &nodes[*sibling as usize];
                if s.parent == NONE {
                    return;
                }
                let prev = s.prev;
                if let Some(text) = merge_text(&mut nodes, prev, text) {
                    let id = push(&mut nodes, Data::Text(text, self.text_at.get()));
                    insert_before(&mut nodes, *sibling, id);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &u32, attrs: Vec<Attribute>) {
        if let Data::Element(e) = &mut self.nodes.borrow_mut()[*target as usize].data {
            e.read(&attrs);
        }
    }

    fn remove_from_parent(&self, target: &u32) {
        detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &u32, new_parent: &u32) {
        let mut nodes = self.nodes.borrow_mut();
        let mut child = nodes[*node as usize].first;
        while child != NONE {
            let next = nodes[child as usize].next;
            detach(&mut nodes, child);
            append_child(&mut nodes, *new_parent, child);
            child = next;
        }
    }
}
