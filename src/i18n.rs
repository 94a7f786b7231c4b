//! The page's strings in English and Chinese.
