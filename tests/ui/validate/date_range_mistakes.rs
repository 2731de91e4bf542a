use pcr_runtime::time::Date;
use pcr_runtime::Validate;

#[derive(Validate)]
struct Loan {
    #[pcr(date_range(min = "2023-02-29", code = "PCR-DATE"))]
    contract_date: Date,
    #[pcr(date_range(min = "tomorrow", code = "PCR-DATE"))]
    start_date: Date,
    #[pcr(date_range(min = "2024-12-31", max = "2024-01-01", code = "PCR-DATE"))]
    end_date: Date,
}

fn main() {}
