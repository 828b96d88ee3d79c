//! The format of stdout: a table for people or JSON for scripts.

use clap::ValueEnum;

/// The format of stdout.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// A small table for people
    #[default]
    Table,
    /// The service's JSON answer, one object
    Json,
}

impl OutputFormat {
    /// The name users type.
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Table => "table",
            OutputFormat::Json => "json",
        }
    }

    /// Parses a value from the environment or a profile, any letter case.
    pub fn parse(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "table" => Ok(OutputFormat::Table),
            "json" => Ok(OutputFormat::Json),
            _ => Err(format!("'{s}' is not an output format (table or json)")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_format_parses_any_case() {
        assert_eq!(OutputFormat::parse("JSON"), Ok(OutputFormat::Json));
        assert!(OutputFormat::parse("xml").is_err());
    }
}
