use pcr_runtime::Validate;

#[derive(Clone, Copy, PartialEq)]
enum LoanType {
    GuaranteeReceivable,
}

#[derive(Validate)]
struct Loan {
    loan_type: LoanType,
    #[pcr(absent_if(field = loan_type, equals = LoanType::GuaranteeReceivable, code = "PCR-NOT-REPORTED"))]
    delayed_count: u32,
}

fn main() {}
