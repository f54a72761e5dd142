/** Catalogue version shipped with the app; the server publishes newer ones. Parsed by catalogueSchema. */
export const serviceCatalogueData: unknown = {
  "version": "2026.2",
  "publishedAt": "2026-12-01T00:00:00+08:00",
  "about": "Seed rows for the counter service catalogue of a Taiwanese city tax bureau. Keelung's own processing-time table (處理期限表) was not available; limits come from other local tax bureaus' published tables (HC = Hsinchu County, TP = Taipei, NTP = New Taipei, TC = Taichung, YL = Yilan) and from statutes. verified=false marks a figure that could not be confirmed and must be shown as a default the bureau can edit. limit.basis: 'immediate' (隨到隨辦, same day), 'working' (working days per the government office calendar, counted from the day after receipt), 'calendar'.",
  "commonDocuments": {
    "inPerson": [
      {
        "zh": "身分證正本",
        "en": "national ID card (original)"
      },
      {
        "zh": "印章",
        "en": "seal"
      }
    ],
    "agent": [
      {
        "zh": "代理人身分證及印章",
        "en": "agent's ID and seal"
      },
      {
        "zh": "委任書",
        "en": "power of attorney"
      },
      {
        "zh": "納稅義務人身分證明",
        "en": "taxpayer's ID or annotated copy"
      }
    ],
    "heir": [
      {
        "zh": "載有死亡日期之戶籍資料",
        "en": "household record showing the date of death"
      },
      {
        "zh": "繼承系統表",
        "en": "heir lineage chart"
      }
    ],
    "foreigner": [
      {
        "zh": "居留證或護照",
        "en": "resident certificate or passport"
      }
    ],
    "company": [
      {
        "zh": "公司登記或核准文件",
        "en": "company registration documents"
      },
      {
        "zh": "負責人身分證明",
        "en": "representative's ID"
      }
    ]
  },
  "services": [
    {
      "id": "LVT-SELF-USE",
      "form": { "templateId": "lvt-self-use", "fields": [
        { "key": "landLocation", "label": { "zh": "土地坐落（地段、地號）", "en": "Land location (section, lot no.)" }, "kind": "text", "required": true },
        { "key": "householdRegisteredOn", "label": { "zh": "設籍日期", "en": "Household registered on" }, "kind": "date", "required": true },
        { "key": "landArea", "label": { "zh": "面積（平方公尺）", "en": "Area (m²)" }, "kind": "number" }
      ] },
      "taxType": "地價稅",
      "nameZh": "地價稅自用住宅用地優惠稅率申請",
      "nameEn": "Land value tax: self-use residential rate",
      "limit": {
        "days": 12,
        "basis": "working"
      },
      "limitWithInspectionDays": 26,
      "documents": [
        {
          "zh": "申請書",
          "en": "application form"
        },
        {
          "zh": "建物所有權狀、使用執照或測量成果圖影本",
          "en": "building title, occupancy permit or survey copy"
        },
        {
          "zh": "基地坐落申明書（77.4.29 前建物）",
          "en": "site declaration for buildings before 1988-04-29"
        },
        {
          "zh": "無出租或供營業使用切結",
          "en": "no-rent affidavit when a registrant is outside third-degree kin"
        }
      ],
      "channels": [
        "counter",
        "field-visit"
      ],
      "filingWindow": "apply by 9/22 for the current year",
      "source": "HC table; Land Tax Act art. 41",
      "verified": true,
      "unit": "PROPERTY",
      "decisionLevel": "chief"
    },
    {
      "id": "LVT-RELIEF",
      "taxType": "地價稅",
      "nameZh": "地價稅減免申請",
      "nameEn": "Land value tax: reduction or exemption",
      "limit": {
        "days": 9,
        "basis": "working"
      },
      "limitWithInspectionDays": 26,
      "documents": [
        {
          "zh": "申請書",
          "en": "application form"
        },
        {
          "zh": "減免證明文件",
          "en": "supporting proof"
        }
      ],
      "channels": [
        "counter",
        "field-visit"
      ],
      "source": "HC table",
      "verified": true,
      "unit": "PROPERTY",
      "decisionLevel": "chief"
    },
    {
      "id": "LVT-ARCADE",
      "taxType": "地價稅",
      "nameZh": "騎樓走廊用地減免",
      "nameEn": "Land value tax: arcade or walkway land relief",
      "limit": {
        "days": 9,
        "basis": "working"
      },
      "limitWithInspectionDays": 26,
      "documents": [
        {
          "zh": "申請書",
          "en": "application form"
        }
      ],
      "channels": [
        "counter",
        "field-visit"
      ],
      "source": "HC table",
      "verified": true,
      "unit": "PROPERTY",
      "decisionLevel": "chief"
    },
    {
      "id": "LVT-INDUSTRIAL",
      "taxType": "地價稅",
      "nameZh": "工業用地稅率申請",
      "nameEn": "Land value tax: industrial land rate",
      "limit": {
        "days": 9,
        "basis": "working"
      },
      "limitWithInspectionDays": 26,
      "documents": [
        {
          "zh": "申請書",
          "en": "application form"
        },
        {
          "zh": "工廠登記證明",
          "en": "factory registration"
        },
        {
          "zh": "使用執照",
          "en": "occupancy permit"
        }
      ],
      "channels": [
        "counter",
        "field-visit"
      ],
      "source": "HC table",
      "verified": true,
      "unit": "PROPERTY",
      "decisionLevel": "chief"
    },
    {
      "id": "LVT-PARKING",
      "taxType": "地價稅",
      "nameZh": "加油站、停車場用地稅率申請",
      "nameEn": "Land value tax: gas station or parking lot land rate",
      "limit": {
        "days": 9,
        "basis": "working"
      },
      "limitWithInspectionDays": 20,
      "documents": [
        {
          "zh": "申請書",
          "en": "application form"
        },
        {
          "zh": "目的事業主管機關核准文件及使用計畫",
          "en": "approval and use plan"
        },
        {
          "zh": "停車場登記證及配置圖",
          "en": "parking registration and layout"
        }
      ],
      "channels": [
        "counter",
        "field-visit"
      ],
      "source": "TP table",
      "verified": true,
      "unit": "PROPERTY",
      "decisionLevel": "chief"
    },
    {
      "id": "HT-REGISTER",
      "taxType": "房屋稅",
      "nameZh": "房屋新增、改建設籍及使用情形申報",
      "nameEn": "House tax: registration of a new or altered building",
      "limit": {
        "days": 18,
        "basis": "working"
      },
      "documents": [
        {
          "zh": "申報書",
          "en": "declaration form"
        },
        {
          "zh": "使用執照或建造執照影本",
          "en": "occupancy or building permit copy"
        },
        {
          "zh": "測量成果圖或平面圖",
          "en": "survey or floor plan"
        },
        {
          "zh": "地下室及共同使用部分協議書",
          "en": "basement and common-area agreement"
        },
        {
          "zh": "未保存登記者承諾書",
          "en": "undertaking for unregistered buildings"
        }
      ],
      "channels": [
        "counter",
        "field-visit"
      ],
      "source": "TP table",
      "verified": true,
      "unit": "PROPERTY",
      "decisionLevel": "chief"
    },
    {
      "id": "HT-USE-CHANGE",
      "form": { "templateId": "ht-use-change", "fields": [
        { "key": "houseTaxNo", "label": { "zh": "房屋稅籍編號", "en": "House tax register no." }, "kind": "text", "required": true },
        { "key": "useChangedOn", "label": { "zh": "變更使用日期", "en": "Use changed on" }, "kind": "date", "required": true },
        { "key": "newUse", "label": { "zh": "變更後用途", "en": "New use" }, "kind": "choice", "required": true, "choices": [
          { "zh": "自住", "en": "own residence" }, { "zh": "出租", "en": "let" }, { "zh": "營業", "en": "business" } ] }
      ] },
      "taxType": "房屋稅",
      "nameZh": "房屋使用情形變更申報（自住／營業）",
      "nameEn": "House tax: change of use (self-occupied / business)",
      "limit": {
        "days": 7,
        "basis": "working"
      },
      "documents": [
        {
          "zh": "申報書",
          "en": "declaration form"
        }
      ],
      "channels": [
        "counter",
        "drive-through",
        "field-visit"
      ],
      "filingWindow": "by 3/22 for the current year (House Tax 2.0)",
      "source": "TC table",
      "verified": true,
      "unit": "PROPERTY",
      "decisionLevel": "chief"
    },
    {
      "id": "HT-DISASTER",
      "taxType": "房屋稅",
      "nameZh": "房屋稅減免（災害、拆除）",
      "nameEn": "House tax: relief for disaster damage or demolition",
      "limit": {
        "days": 7,
        "basis": "working"
      },
      "documents": [
        {
          "zh": "申報書",
          "en": "declaration form"
        },
        {
          "zh": "災害損失證明或拆除證明",
          "en": "proof of damage or demolition"
        }
      ],
      "channels": [
        "counter",
        "field-visit"
      ],
      "source": "TP table",
      "verified": true,
      "unit": "PROPERTY",
      "decisionLevel": "director"
    },
    {
      "id": "HT-LOW-INCOME",
      "taxType": "房屋稅",
      "nameZh": "低收入戶自住房屋免徵房屋稅",
      "nameEn": "House tax: exemption for a low-income household's home",
      "limit": {
        "days": 7,
        "basis": "working"
      },
      "documents": [
        {
          "zh": "申請書",
          "en": "application form"
        },
        {
          "zh": "低收入戶證明",
          "en": "low-income household certificate"
        }
      ],
      "channels": [
        "counter",
        "drive-through",
        "field-visit"
      ],
      "source": "bureau plan (proactive exemption); limit assumed",
      "verified": false,
      "unit": "PROPERTY",
      "decisionLevel": "chief"
    },
    {
      "id": "VLT-DISABILITY",
      "taxType": "使用牌照稅",
      "nameZh": "身心障礙者使用牌照稅免稅申請",
      "nameEn": "Vehicle license tax: exemption for a person with disabilities",
      "limit": {
        "days": 7,
        "basis": "working"
      },
      "documents": [
        {
          "zh": "身心障礙證明",
          "en": "disability certificate (store only eligibility and expiry)"
        },
        {
          "zh": "行車執照",
          "en": "vehicle registration"
        },
        {
          "zh": "戶口名簿（配偶或同戶親屬之車）",
          "en": "household register when the car is a relative's"
        }
      ],
      "channels": [
        "counter",
        "field-visit"
      ],
      "note": "a disabled person's own car is exempted automatically from the health ministry's data",
      "source": "NTP table",
      "verified": true,
      "unit": "CONSUMPTION",
      "decisionLevel": "chief"
    },
    {
      "id": "VLT-GENERAL-EXEMPT",
      "taxType": "使用牌照稅",
      "nameZh": "使用牌照稅一般免稅（機關、救護車、特殊設備車）",
      "nameEn": "Vehicle license tax: general exemption (agency, ambulance, special equipment)",
      "limit": {
        "days": 0,
        "basis": "immediate"
      },
      "writtenLimitDays": 4,
      "documents": [
        {
          "zh": "申請書（機關印信）",
          "en": "application with agency seal"
        },
        {
          "zh": "行車執照",
          "en": "vehicle registration"
        },
        {
          "zh": "特殊設備照片",
          "en": "photos of special equipment"
        }
      ],
      "channels": [
        "counter",
        "field-visit"
      ],
      "source": "HC table",
      "verified": true,
      "unit": "CONSUMPTION",
      "decisionLevel": "officer"
    },
    {
      "id": "VLT-REFUND",
      "taxType": "使用牌照稅",
      "nameZh": "使用牌照稅退稅（停駛、報廢、重繳）",
      "nameEn": "Vehicle license tax: refund (suspension, scrapping, double payment)",
      "limit": {
        "days": 7,
        "basis": "working"
      },
      "documents": [
        {
          "zh": "退稅申請書",
          "en": "refund application"
        },
        {
          "zh": "異動登記書影本或重複繳納之繳款書",
          "en": "change record or duplicate bill"
        },
        {
          "zh": "存摺封面影本",
          "en": "bank passbook cover"
        }
      ],
      "channels": [
        "counter",
        "field-visit"
      ],
      "source": "limit not found; default",
      "verified": false,
      "unit": "CONSUMPTION",
      "decisionLevel": "chief"
    },
    {
      "id": "ST-LARGE-BILL",
      "taxType": "印花稅",
      "nameZh": "印花稅大額憑證繳款書",
      "nameEn": "Stamp tax: payment bill for large-amount documents",
      "limit": {
        "days": 0,
        "basis": "immediate"
      },
      "documents": [
        {
          "zh": "申報書",
          "en": "declaration form"
        },
        {
          "zh": "大額憑證繳款書",
          "en": "large-amount bill"
        }
      ],
      "channels": [
        "counter",
        "drive-through",
        "field-visit"
      ],
      "source": "HC table",
      "verified": true,
      "unit": "CONSUMPTION",
      "decisionLevel": "officer",
      "resultSlip": true
    },
    {
      "id": "ST-COLLECTIVE",
      "taxType": "印花稅",
      "nameZh": "印花稅彙總繳納申請",
      "nameEn": "Stamp tax: collective payment application",
      "limit": {
        "days": 5,
        "basis": "working"
      },
      "documents": [
        {
          "zh": "申請書",
          "en": "application form"
        },
        {
          "zh": "印模二份",
          "en": "two seal impressions"
        }
      ],
      "channels": [
        "counter",
        "drive-through",
        "field-visit"
      ],
      "source": "HC table",
      "verified": true,
      "unit": "CONSUMPTION",
      "decisionLevel": "chief"
    },
    {
      "id": "ST-REFUND",
      "taxType": "印花稅",
      "nameZh": "印花稅溢繳退稅",
      "nameEn": "Stamp tax: refund of overpayment",
      "limit": {
        "days": 7,
        "basis": "working"
      },
      "documents": [
        {
          "zh": "申報書",
          "en": "declaration form"
        },
        {
          "zh": "溢繳證明",
          "en": "proof of overpayment"
        }
      ],
      "channels": [
        "counter",
        "drive-through",
        "field-visit"
      ],
      "source": "limit not found; default",
      "verified": false,
      "unit": "CONSUMPTION",
      "decisionLevel": "chief"
    },
    {
      "id": "AT-TEMP-EVENT",
      "taxType": "娛樂稅",
      "nameZh": "臨時演出娛樂稅登記及徵免",
      "nameEn": "Amusement tax: temporary event registration",
      "limit": {
        "days": 0,
        "basis": "immediate"
      },
      "writtenLimitDays": 5,
      "documents": [
        {
          "zh": "申請書",
          "en": "application form"
        },
        {
          "zh": "主管機關證明（免稅者）",
          "en": "competent authority's certificate for exemption"
        }
      ],
      "channels": [
        "counter",
        "drive-through",
        "field-visit"
      ],
      "source": "HC table",
      "verified": true,
      "unit": "CONSUMPTION",
      "decisionLevel": "officer"
    },
    {
      "id": "AT-ARTS-RELIEF",
      "taxType": "娛樂稅",
      "nameZh": "文化藝術事業娛樂稅減免",
      "nameEn": "Amusement tax: culture and arts relief",
      "limit": {
        "days": 0,
        "basis": "immediate"
      },
      "writtenLimitDays": 5,
      "documents": [
        {
          "zh": "主管機關證明",
          "en": "competent authority's certificate"
        }
      ],
      "channels": [
        "counter",
        "drive-through",
        "field-visit"
      ],
      "source": "HC table",
      "verified": true,
      "unit": "CONSUMPTION",
      "decisionLevel": "officer"
    },
    {
      "id": "AT-REGISTRATION",
      "taxType": "娛樂稅",
      "nameZh": "娛樂業代徵設立、變更、停業、復業、註銷登記",
      "nameEn": "Amusement tax: agent registration, change, suspension, resumption, cancellation",
      "limit": {
        "days": 5,
        "basis": "working"
      },
      "documents": [
        {
          "zh": "申請書",
          "en": "application form"
        }
      ],
      "channels": [
        "counter",
        "drive-through",
        "field-visit"
      ],
      "source": "HC table",
      "verified": true,
      "unit": "CONSUMPTION",
      "decisionLevel": "chief"
    },
    {
      "id": "LVIT-GENERAL",
      "taxType": "土地增值稅",
      "nameZh": "土地增值稅一般申報",
      "nameEn": "Land value increment tax: general declaration",
      "limit": {
        "days": 7,
        "basis": "working"
      },
      "documents": [
        {
          "zh": "土地現值申報書",
          "en": "land value declaration"
        },
        {
          "zh": "契約書影本",
          "en": "contract copy"
        }
      ],
      "channels": [
        "counter",
        "drive-through",
        "field-visit"
      ],
      "filingWindow": "within 30 days of the contract",
      "source": "Land Tax Act art. 49",
      "verified": true,
      "unit": "PROPERTY",
      "decisionLevel": "chief"
    },
    {
      "id": "LVIT-SELF-USE",
      "taxType": "土地增值稅",
      "nameZh": "土地增值稅自用住宅用地稅率申報",
      "nameEn": "Land value increment tax: self-use residential rate",
      "limit": {
        "days": 20,
        "basis": "working"
      },
      "documents": [
        {
          "zh": "土地現值申報書（註明自用住宅）",
          "en": "declaration marked self-use"
        },
        {
          "zh": "建物改良證明",
          "en": "building improvement proof"
        }
      ],
      "channels": [
        "counter",
        "field-visit"
      ],
      "source": "Land Tax Act art. 49, 34-1",
      "verified": true,
      "unit": "PROPERTY",
      "decisionLevel": "chief"
    },
    {
      "id": "LVIT-FAST",
      "taxType": "土地增值稅",
      "nameZh": "土地增值稅無漲價快速發單",
      "nameEn": "Land value increment tax: fast bill for no-increment cases",
      "limit": {
        "days": 0,
        "basis": "immediate"
      },
      "documents": [
        {
          "zh": "土地現值申報書",
          "en": "land value declaration"
        }
      ],
      "channels": [
        "counter",
        "field-visit"
      ],
      "note": "one applicant, at most 2 cases, filed before 16:00; about 1 hour",
      "source": "HC counter rule; bureau plan (簡易無漲價快速發單)",
      "verified": true,
      "unit": "PROPERTY",
      "decisionLevel": "officer",
      "resultSlip": true
    },
    {
      "id": "LVIT-WITHDRAW",
      "taxType": "土地增值稅",
      "nameZh": "土地增值稅撤回申報及退稅",
      "nameEn": "Land value increment tax: withdrawal and refund",
      "limit": {
        "days": 7,
        "basis": "working"
      },
      "documents": [
        {
          "zh": "雙方撤回申請書（原印鑑）",
          "en": "withdrawal by both parties with the same seals"
        },
        {
          "zh": "契約正本",
          "en": "original contract"
        },
        {
          "zh": "繳款書或免稅證明正本",
          "en": "original bill or exemption certificate"
        },
        {
          "zh": "存摺封面影本",
          "en": "bank passbook cover"
        }
      ],
      "channels": [
        "counter",
        "field-visit"
      ],
      "source": "TC; limit not found",
      "verified": false,
      "unit": "PROPERTY",
      "decisionLevel": "chief"
    },
    {
      "id": "DT-DECLARE",
      "taxType": "契稅",
      "nameZh": "契稅申報",
      "nameEn": "Deed tax declaration",
      "limit": {
        "days": 15,
        "basis": "working"
      },
      "documents": [
        {
          "zh": "契稅申報書",
          "en": "deed tax declaration"
        },
        {
          "zh": "公定格式契約書",
          "en": "standard-form contract"
        }
      ],
      "channels": [
        "counter",
        "field-visit"
      ],
      "filingWindow": "within 30 days of the contract (contract day counts)",
      "note": "the bureau plan offers same-day bills for out-of-town applicants and commuters",
      "source": "Deed Tax Act; review period unverified",
      "verified": false,
      "unit": "PROPERTY",
      "decisionLevel": "chief"
    },
    {
      "id": "GEN-REISSUE-BILL",
      "taxType": "共通",
      "nameZh": "補發繳款書（稅單）",
      "nameEn": "Reissue a tax bill",
      "limit": {
        "days": 0,
        "basis": "immediate"
      },
      "documents": [
        {
          "zh": "身分證明",
          "en": "proof of identity"
        }
      ],
      "channels": [
        "counter",
        "drive-through",
        "field-visit"
      ],
      "source": "YL table",
      "verified": true,
      "unit": "SERVICE",
      "decisionLevel": "officer",
      "resultSlip": true
    },
    {
      "id": "GEN-ADDRESS",
      "taxType": "共通",
      "nameZh": "稅單投遞地址變更",
      "nameEn": "Change the mailing address for tax bills",
      "limit": {
        "days": 0,
        "basis": "immediate"
      },
      "documents": [
        {
          "zh": "身分證明",
          "en": "proof of identity"
        }
      ],
      "channels": [
        "counter",
        "drive-through",
        "field-visit"
      ],
      "source": "YL table",
      "verified": true,
      "unit": "SERVICE",
      "decisionLevel": "officer"
    },
    {
      "id": "GEN-EBILL",
      "taxType": "共通",
      "nameZh": "電子傳送繳款書申請",
      "nameEn": "Apply for electronic delivery of tax bills",
      "limit": {
        "days": 7,
        "basis": "working"
      },
      "documents": [
        {
          "zh": "申請書",
          "en": "application form"
        },
        {
          "zh": "身分證",
          "en": "ID card"
        },
        {
          "zh": "代理或繼承文件",
          "en": "proxy or heir papers when applicable"
        }
      ],
      "channels": [
        "counter",
        "field-visit"
      ],
      "note": "apply at least 2 months before the levy",
      "source": "Yilan bureau e-bill page",
      "verified": true,
      "unit": "SERVICE",
      "decisionLevel": "officer"
    },
    {
      "id": "GEN-CERT",
      "form": { "templateId": "gen-cert", "fields": [
        { "key": "certificateKind", "label": { "zh": "證明種類", "en": "Certificate" }, "kind": "choice", "required": true, "choices": [
          { "zh": "納稅證明", "en": "tax payment certificate" }, { "zh": "無欠稅證明", "en": "no-arrears certificate" } ] },
        { "key": "taxYears", "label": { "zh": "年度", "en": "Tax years" }, "kind": "text", "required": true },
        { "key": "copies", "label": { "zh": "份數", "en": "Copies" }, "kind": "number" }
      ] },
      "taxType": "共通",
      "nameZh": "房屋稅籍證明、繳納證明、課稅明細",
      "nameEn": "House tax registration, payment certificate or tax statement",
      "limit": {
        "days": 0,
        "basis": "immediate"
      },
      "documents": [
        {
          "zh": "身分證明",
          "en": "proof of identity"
        }
      ],
      "channels": [
        "counter",
        "drive-through",
        "field-visit"
      ],
      "note": "copies for non-owners are stamped 非供財產憑證用",
      "source": "Tainan bureau; limit assumed same-day",
      "verified": false,
      "unit": "SERVICE",
      "decisionLevel": "officer",
      "resultSlip": true
    },
    {
      "id": "GEN-ARREARS",
      "taxType": "共通",
      "nameZh": "查欠（繼承案件跨機關查欠）",
      "nameEn": "Arrears check (including for inheritance)",
      "limit": {
        "days": 0,
        "basis": "immediate"
      },
      "documents": [
        {
          "zh": "身分證明",
          "en": "proof of identity"
        },
        {
          "zh": "繼承系統表（繼承案件）",
          "en": "heir lineage chart for inheritance"
        }
      ],
      "channels": [
        "counter",
        "drive-through",
        "field-visit"
      ],
      "source": "bureau plan (跨機關查欠); limit assumed",
      "verified": false,
      "unit": "SERVICE",
      "decisionLevel": "officer"
    },
    {
      "id": "GEN-REFUND",
      "taxType": "共通",
      "nameZh": "溢繳稅款退稅申請",
      "nameEn": "Refund of overpaid tax",
      "limit": {
        "days": 5,
        "basis": "working"
      },
      "documents": [
        {
          "zh": "退稅申請書",
          "en": "refund application"
        },
        {
          "zh": "原繳款書",
          "en": "original bill"
        },
        {
          "zh": "存摺封面影本（直撥退稅可免）",
          "en": "passbook cover, not needed with direct deposit details"
        }
      ],
      "channels": [
        "counter",
        "field-visit"
      ],
      "note": "claim within 10 years (15 if the agency erred)",
      "source": "TC; TP 1994 rule (historic)",
      "verified": false,
      "unit": "SERVICE",
      "decisionLevel": "chief"
    },
    {
      "id": "GEN-PETITION",
      "taxType": "共通",
      "nameZh": "人民陳情",
      "nameEn": "Petition or complaint",
      "limit": {
        "days": 30,
        "basis": "calendar"
      },
      "documents": [],
      "channels": [
        "counter",
        "field-visit"
      ],
      "source": "petition rules (≤ 30 days)",
      "verified": true,
      "unit": "SERVICE",
      "decisionLevel": "chief"
    },
    {
      "id": "GEN-DEADLINE-DEFAULT",
      "taxType": "共通",
      "nameZh": "其他申請（未列期限者）",
      "nameEn": "Other applications without a published limit",
      "limit": {
        "days": 60,
        "basis": "calendar"
      },
      "documents": [
        {
          "zh": "申請書",
          "en": "application form"
        }
      ],
      "channels": [
        "counter",
        "field-visit"
      ],
      "note": "Administrative Procedure Act art. 51: two months when no limit is published",
      "source": "行政程序法 §51",
      "verified": true,
      "unit": "SERVICE",
      "decisionLevel": "chief"
    },
    {
      "id": "GEN-REEXAMINATION",
      "taxType": "共通",
      "nameZh": "復查申請",
      "nameEn": "Application for re-examination (復查)",
      "limit": {
        "days": 60,
        "basis": "calendar"
      },
      "documents": [
        {
          "zh": "復查申請書",
          "en": "re-examination application form"
        },
        {
          "zh": "原處分書影本",
          "en": "copy of the decision notice"
        },
        {
          "zh": "證明文件",
          "en": "supporting evidence"
        }
      ],
      "channels": [
        "counter",
        "field-visit"
      ],
      "filingWindow": "within 30 days from the day after the decision notice is received",
      "note": "opened from a decided case; decided by the legal affairs section",
      "source": "稅捐稽徵法第35條 (decision within two months of receipt; counted here as 60 calendar days)",
      "verified": false,
      "unit": "LEGAL",
      "decisionLevel": "director",
      "reexamination": true
    }
  ],
  "deadlineRules": [
    "Administrative Procedure Act §51: each category has a published limit, otherwise two months; one extension no longer than the original, notified before expiry; the clock stops while the applicant corrects a deficiency (補正) and resumes afterwards.",
    "Administrative Procedure Act §48: the start day is not counted; a last day on a Sunday or holiday moves to the next working day; on a Saturday to the next Monday.",
    "Keelung's rules restate §51 and require all missing documents to be requested in one notice (一次告知).",
    "Bureau target: at least 95% of applications completed within their limit."
  ]
};
