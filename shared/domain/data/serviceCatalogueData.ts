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
      "decisionLevel": "chief",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "查對地籍及戶籍資料：土地所有權人或其配偶、直系親屬於該地辦竣戶籍登記，且無出租或供營業使用",
          "en": "check the land and household registers: the owner, spouse or a lineal relative has household registration on the land and it is neither rented nor used for business"
        },
        {
          "zh": "核對面積限制（都市土地三公畝、非都市土地七公畝）及一人一處之規定",
          "en": "check the area limits (3 ares urban, 7 ares non-urban) and the one-site-per-household rule"
        },
        {
          "zh": "必要時會同現場勘查，再依分層負責簽核並通知申請人",
          "en": "inspect the site when needed, then decide at the delegated level and notify the applicant"
        }
      ],
      "legalBasis": "土地稅法第9條、第17條、第41條 (Land Tax Act arts. 9, 17, 41)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "deadline",
          "q": {
            "zh": "什麼時候申請才能當年適用？",
            "en": "When must I apply for the rate to apply this year?"
          },
          "a": {
            "zh": "應於地價稅開徵四十日前（9月22日前）提出申請；逾期申請者，自申請之次年起適用。",
            "en": "Apply at least 40 days before the levy starts (by 22 September); a later application takes effect from the following year."
          }
        },
        {
          "id": "rented",
          "q": {
            "zh": "房屋部分出租還能適用自用住宅用地稅率嗎？",
            "en": "Can part of the house be rented out?"
          },
          "a": {
            "zh": "出租或供營業使用的部分不適用；實際比例由承辦單位依使用情形認定，必要時現場勘查。",
            "en": "The rented or business part does not qualify; the handling unit decides the share from the actual use, inspecting the site when needed."
          }
        },
        {
          "id": "only-once",
          "q": {
            "zh": "可以同時申請兩處嗎？",
            "en": "Can I apply for two places?"
          },
          "a": {
            "zh": "土地所有權人與其配偶及未成年之受扶養親屬，以一處為限。",
            "en": "The owner, the spouse and minor dependants are limited to one site together."
          }
        }
      ]
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
      "decisionLevel": "chief",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "依土地稅減免規則核對減免要件與證明文件",
          "en": "check the conditions and the proof against the Land Tax Reduction and Exemption Rules"
        },
        {
          "zh": "必要時現場勘查實際使用情形",
          "en": "inspect the actual use of the land when needed"
        },
        {
          "zh": "簽核後通知申請人核定結果及適用年期",
          "en": "after the decision, tell the applicant the result and the year it applies from"
        }
      ],
      "legalBasis": "土地稅法第6條；土地稅減免規則 (Land Tax Act art. 6; Land Tax Reduction and Exemption Rules)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "deadline",
          "q": {
            "zh": "減免要在什麼時候申請？",
            "en": "When should a reduction be applied for?"
          },
          "a": {
            "zh": "原則上應於每年地價稅開徵四十日前提出；逾期者自次年起適用。個別減免項目另有規定者，請洽承辦單位。",
            "en": "As a rule at least 40 days before the land value tax levy; later applications apply from the next year. Some kinds have their own rules — check with the handling unit."
          }
        },
        {
          "id": "change",
          "q": {
            "zh": "減免原因消滅要怎麼辦？",
            "en": "What if the reason for the relief ends?"
          },
          "a": {
            "zh": "應於原因消滅之日起三十日內向稅務局申報恢復課徵。",
            "en": "Report it to the bureau within 30 days so that the tax is levied again."
          }
        }
      ]
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
      "decisionLevel": "chief",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "核對騎樓或走廊供公眾通行的面積與建物資料",
          "en": "check the building records and the area of the arcade or corridor open to the public"
        },
        {
          "zh": "現場勘查確認供公眾通行、未設置障礙或供營業使用",
          "en": "inspect the site: open to passers-by, not blocked or used for business"
        },
        {
          "zh": "依土地稅減免規則核定減徵比例並通知申請人",
          "en": "decide the reduction under the rules and notify the applicant"
        }
      ],
      "legalBasis": "土地稅減免規則（供公共通行之騎樓走廊地） (Land Tax Reduction and Exemption Rules, arcade and corridor land)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "blocked",
          "q": {
            "zh": "騎樓擺放攤位或停放車輛還能減免嗎？",
            "en": "Does the relief stay if stalls or vehicles occupy the arcade?"
          },
          "a": {
            "zh": "供營業使用或妨礙通行的部分不符合減免要件，經查獲者將恢復課徵。",
            "en": "A part used for business or blocking passers-by does not qualify; once found, the tax is levied again."
          }
        },
        {
          "id": "rate",
          "q": {
            "zh": "減徵多少？",
            "en": "How much is the reduction?"
          },
          "a": {
            "zh": "依騎樓走廊地上建物的樓層數，按土地稅減免規則所定比例減徵；實際比例請洽承辦單位。",
            "en": "By the number of storeys above it, at the shares the rules set; ask the handling unit for your case."
          }
        }
      ]
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
      "decisionLevel": "chief",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "核對工廠登記及使用地編定或分區資料",
          "en": "check the factory registration and the land use zoning"
        },
        {
          "zh": "現場勘查廠房及用地實際作工業使用之範圍",
          "en": "inspect which part of the land is actually in industrial use"
        },
        {
          "zh": "核定適用特別稅率之面積並通知申請人",
          "en": "decide the area at the special rate and notify the applicant"
        }
      ],
      "legalBasis": "土地稅法第18條、第41條 (Land Tax Act arts. 18, 41)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "deadline",
          "q": {
            "zh": "工業用地稅率何時申請？",
            "en": "When do I apply for the industrial rate?"
          },
          "a": {
            "zh": "應於地價稅開徵四十日前（9月22日前）申請；逾期者自次年起適用。",
            "en": "At least 40 days before the levy (by 22 September); later applications apply from the next year."
          }
        },
        {
          "id": "idle",
          "q": {
            "zh": "廠房停工還能適用嗎？",
            "en": "Does a closed factory keep the rate?"
          },
          "a": {
            "zh": "以實際作工業使用為準；停止使用者應申報，是否繼續適用由承辦單位依現況認定。",
            "en": "It depends on actual industrial use; a factory that stopped must report it, and the handling unit decides from the current use."
          }
        }
      ]
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
      "decisionLevel": "chief",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "核對加油站登記或停車場登記證、都市計畫分區資料",
          "en": "check the filling station or car park registration and the city plan zoning"
        },
        {
          "zh": "現場勘查實際供加油站或公眾停車使用之範圍",
          "en": "inspect the part actually used as a filling station or public car park"
        },
        {
          "zh": "核定適用特別稅率之面積並通知申請人",
          "en": "decide the area at the special rate and notify the applicant"
        }
      ],
      "legalBasis": "土地稅法第18條、第41條 (Land Tax Act arts. 18, 41)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "deadline",
          "q": {
            "zh": "停車場用地何時申請？",
            "en": "When do I apply for a car park?"
          },
          "a": {
            "zh": "應於地價稅開徵四十日前申請；逾期者自次年起適用。",
            "en": "At least 40 days before the levy; later applications apply from the next year."
          }
        },
        {
          "id": "private",
          "q": {
            "zh": "私人專用停車位可以適用嗎？",
            "en": "Does a private parking space qualify?"
          },
          "a": {
            "zh": "須為依規定供公眾使用之停車場；是否符合由承辦單位依登記及現況認定。",
            "en": "Only a car park open to the public as the rules require; the handling unit decides from the registration and the site."
          }
        }
      ]
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
      "decisionLevel": "chief",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "核對使用執照、建物測量成果圖及建造完成日期",
          "en": "check the occupancy permit, the building survey and the completion date"
        },
        {
          "zh": "依構造、用途、面積及街路等級評定房屋現值",
          "en": "assess the house value from its structure, use, floor area and street grade"
        },
        {
          "zh": "現場勘查（需要時），設立或變更稅籍並通知納稅義務人",
          "en": "inspect the site when needed, open or change the tax register and notify the taxpayer"
        }
      ],
      "legalBasis": "房屋稅條例第7條、第10條 (House Tax Act arts. 7, 10)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "deadline",
          "q": {
            "zh": "新建房屋要在多久內申報？",
            "en": "How soon must a new building be reported?"
          },
          "a": {
            "zh": "應於房屋建造完成之日起三十日內申報；改建、增建亦同。",
            "en": "Within 30 days of completion; the same applies to alterations and extensions."
          }
        },
        {
          "id": "late",
          "q": {
            "zh": "逾期申報會怎樣？",
            "en": "What if I report late?"
          },
          "a": {
            "zh": "逾期未申報致短漏稅額者，依房屋稅條例規定處罰；實際金額請洽承辦單位。",
            "en": "If tax was under-paid because of it, the House Tax Act fines apply; ask the handling unit for the amount."
          }
        }
      ]
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
      "decisionLevel": "chief",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "查對戶籍資料及全國持有房屋情形（房屋稅2.0）",
          "en": "check the household register and the houses held nationwide (House Tax 2.0)"
        },
        {
          "zh": "核對實際使用情形：自住、出租、營業或其他",
          "en": "check the actual use: own home, rented, business or other"
        },
        {
          "zh": "變更稅籍使用情形並通知納稅義務人適用稅率及起算期間",
          "en": "change the register and tell the taxpayer the rate and the period it applies from"
        }
      ],
      "legalBasis": "房屋稅條例第5條、第7條 (House Tax Act arts. 5, 7)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "deadline",
          "q": {
            "zh": "自住稅率何時申請可當期適用？",
            "en": "When must the own-home rate be applied for?"
          },
          "a": {
            "zh": "應於每期房屋稅開徵四十日前（3月22日前）申請；逾期者自次期起適用。",
            "en": "At least 40 days before the levy (by 22 March); a later application applies from the next period."
          }
        },
        {
          "id": "business",
          "q": {
            "zh": "房屋改供營業使用要申報嗎？",
            "en": "Must business use be reported?"
          },
          "a": {
            "zh": "使用情形變更應於變更之日起三十日內申報，按變更後用途之稅率課徵。",
            "en": "Report a change of use within 30 days; the rate of the new use applies."
          }
        },
        {
          "id": "household",
          "q": {
            "zh": "自住需要設籍嗎？",
            "en": "Is household registration needed for the own-home rate?"
          },
          "a": {
            "zh": "須本人、配偶或直系親屬實際居住且設有戶籍，並無出租或供營業使用；全國持有戶數等條件依房屋稅條例認定。",
            "en": "The owner, spouse or a lineal relative must live there with household registration, with no rent or business use; the nationwide holding conditions follow the House Tax Act."
          }
        }
      ]
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
      "decisionLevel": "director",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "核對災害或拆除證明（照片、消防或建管單位證明）",
          "en": "check the proof of the disaster or demolition (photos, fire or building authority papers)"
        },
        {
          "zh": "現場勘查毀損或拆除面積占整棟面積之比例",
          "en": "inspect the share of the building damaged or demolished"
        },
        {
          "zh": "依比例核定減徵或免徵並通知申請人",
          "en": "decide the reduction or exemption by that share and notify the applicant"
        }
      ],
      "legalBasis": "房屋稅條例第8條 (House Tax Act art. 8)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "share",
          "q": {
            "zh": "毀損多少可以減免？",
            "en": "How much damage qualifies?"
          },
          "a": {
            "zh": "因重大災害毀損面積占整棟面積三成以上不及五成者減半徵收，五成以上者免徵；以現場勘查認定為準。",
            "en": "Damage of 30% to under 50% of the building halves the tax, 50% or more exempts it; the site inspection decides."
          }
        },
        {
          "id": "when",
          "q": {
            "zh": "災後多久要申報？",
            "en": "How soon after the disaster should I apply?"
          },
          "a": {
            "zh": "請儘速申報並保留現場或照片，以利勘查；期限及起算日請洽承辦單位。",
            "en": "As soon as possible, keeping the site or photos for the inspection; ask the handling unit for the time limit."
          }
        }
      ]
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
      "decisionLevel": "chief",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "查對社會救助機關之低收入戶資格資料",
          "en": "check the low-income household status with the social assistance data"
        },
        {
          "zh": "核對為單一自有住宅且房屋現值在規定金額以下",
          "en": "check that it is the only home owned and its value is under the set amount"
        },
        {
          "zh": "核定免徵並通知申請人；本局亦依資料主動辦理",
          "en": "grant the exemption and notify the applicant; the bureau also grants it from the data unasked"
        }
      ],
      "legalBasis": "房屋稅條例第15條 (House Tax Act art. 15)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "proactive",
          "q": {
            "zh": "低收入戶一定要來申請嗎？",
            "en": "Must a low-income household apply?"
          },
          "a": {
            "zh": "本局依社政資料主動辦理；未經主動核定者仍可臨櫃申請。",
            "en": "The bureau applies it from the social welfare data; a household it missed can still apply at the counter."
          }
        },
        {
          "id": "amount",
          "q": {
            "zh": "房屋現值限額是多少？",
            "en": "What is the house value limit?"
          },
          "a": {
            "zh": "依房屋稅條例及主管機關公告之金額；最新金額請洽承辦單位。",
            "en": "The amount set under the House Tax Act; ask the handling unit for the current figure."
          }
        }
      ]
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
      "decisionLevel": "chief",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "查對身心障礙證明及車輛登記（本人、配偶或同戶親屬）",
          "en": "check the disability certificate and the vehicle registration (own, spouse’s or a household member’s)"
        },
        {
          "zh": "確認每人以一輛為限，並核對免稅額度",
          "en": "check the one-vehicle-per-person limit and the exempt amount"
        },
        {
          "zh": "登錄免稅並通知申請人",
          "en": "record the exemption and notify the applicant"
        }
      ],
      "legalBasis": "使用牌照稅法第7條 (Vehicle License Tax Act art. 7)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "auto",
          "q": {
            "zh": "本人名下車輛要申請嗎？",
            "en": "Must I apply for my own car?"
          },
          "a": {
            "zh": "本人名下車輛由本局依衛生福利部資料主動核定；配偶或同戶親屬名下車輛則需申請。",
            "en": "A car in your own name is exempted from the health ministry’s data; one in a spouse’s or household member’s name needs an application."
          }
        },
        {
          "id": "limit",
          "q": {
            "zh": "免稅有金額上限嗎？",
            "en": "Is the exemption capped?"
          },
          "a": {
            "zh": "有，超過規定排氣量之稅額部分仍須繳納；確切上限請洽承辦單位。",
            "en": "Yes, tax above the set engine size is still due; ask the handling unit for the exact cap."
          }
        }
      ]
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
      "decisionLevel": "officer",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "核對車輛用途及證明（機關公務車、救護車、特殊設備車等）",
          "en": "check the vehicle’s use and proof (government, ambulance, special equipment)"
        },
        {
          "zh": "登錄免稅並交付核定結果",
          "en": "record the exemption and hand over the result"
        }
      ],
      "legalBasis": "使用牌照稅法第7條 (Vehicle License Tax Act art. 7)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "same-day",
          "q": {
            "zh": "可以當場辦好嗎？",
            "en": "Is it done on the spot?"
          },
          "a": {
            "zh": "文件齊全者隨到隨辦。",
            "en": "Yes, when the documents are complete."
          }
        },
        {
          "id": "transfer",
          "q": {
            "zh": "車輛過戶後免稅還有效嗎？",
            "en": "Does the exemption survive a transfer?"
          },
          "a": {
            "zh": "免稅依車輛用途及所有人認定，用途或所有人變更須重新申請。",
            "en": "It rests on the use and the owner; a change needs a new application."
          }
        }
      ]
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
      "decisionLevel": "chief",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "查對監理機關停駛、報廢或繳銷紀錄及已繳稅額",
          "en": "check the motor vehicle office’s suspension or scrapping record and the tax paid"
        },
        {
          "zh": "按日計算應退稅額",
          "en": "compute the refund by days"
        },
        {
          "zh": "簽核後以退稅支票或匯入帳戶退還",
          "en": "after the decision, refund by cheque or to the bank account"
        }
      ],
      "legalBasis": "使用牌照稅法；稅捐稽徵法第28條 (Vehicle License Tax Act; Tax Collection Act art. 28)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "days",
          "q": {
            "zh": "停駛的退稅怎麼計算？",
            "en": "How is a suspension refund computed?"
          },
          "a": {
            "zh": "依監理機關停駛或報廢日期按日計算；期間以承辦單位查對監理資料為準。",
            "en": "By days from the suspension or scrapping date on the motor vehicle office’s record, as the handling unit checks it."
          }
        },
        {
          "id": "account",
          "q": {
            "zh": "退稅可以匯款嗎？",
            "en": "Can the refund go to my bank account?"
          },
          "a": {
            "zh": "可以，請提供本人帳戶資料；退稅期限以本局公告為準，請洽承辦單位。",
            "en": "Yes, give an account in your own name; the time it takes is as the bureau publishes — check with the handling unit."
          }
        }
      ]
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
      "resultSlip": true,
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "核對應稅憑證種類及金額，計算應納印花稅額",
          "en": "check the kind and amount of the document and compute the stamp tax"
        },
        {
          "zh": "開給繳款書交申請人繳納",
          "en": "issue the payment bill to the applicant"
        }
      ],
      "legalBasis": "印花稅法第8條 (Stamp Tax Act art. 8)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "when",
          "q": {
            "zh": "什麼情況可以用繳款書繳納？",
            "en": "When can stamp tax be paid by bill?"
          },
          "a": {
            "zh": "稅額巨大不便貼用印花稅票時，可申請開給繳款書繳納。",
            "en": "When the tax is too large to be paid with stamps, the bureau issues a payment bill."
          }
        },
        {
          "id": "contract",
          "q": {
            "zh": "工程契約的印花稅怎麼算？",
            "en": "How is a construction contract taxed?"
          },
          "a": {
            "zh": "承攬契據按金額依印花稅法所定稅率計算；實際稅額由承辦人員依憑證核算。",
            "en": "A contract for work is taxed on its amount at the Stamp Tax Act rate; the clerk computes it from the document."
          }
        }
      ]
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
      "decisionLevel": "chief",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "核對事業組織登記及使用之憑證種類",
          "en": "check the business registration and the kinds of documents it uses"
        },
        {
          "zh": "核准彙總繳納並告知申報繳納方式及期限",
          "en": "approve collective payment and explain how and when to file and pay"
        }
      ],
      "legalBasis": "印花稅法第8條 (Stamp Tax Act art. 8)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "who",
          "q": {
            "zh": "誰可以申請彙總繳納？",
            "en": "Who may pay collectively?"
          },
          "a": {
            "zh": "公私營事業組織所用各種憑證，經所在地主管稽徵機關核准後得彙總繳納。",
            "en": "Public and private businesses, once the local tax office approves it."
          }
        },
        {
          "id": "period",
          "q": {
            "zh": "彙總繳納多久繳一次？",
            "en": "How often is it paid?"
          },
          "a": {
            "zh": "依核准後之規定期間彙總繳納；請依核准函所載期限辦理。",
            "en": "For the periods set in the approval; follow the dates in the approval letter."
          }
        }
      ]
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
      "decisionLevel": "chief",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "查對溢繳之繳款書或印花稅票及原因",
          "en": "check the bill or stamps over-paid and why"
        },
        {
          "zh": "核算應退稅額並簽核",
          "en": "compute the refund and decide"
        },
        {
          "zh": "以退稅支票或匯入帳戶退還",
          "en": "refund by cheque or to the bank account"
        }
      ],
      "legalBasis": "稅捐稽徵法第28條 (Tax Collection Act art. 28)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "period",
          "q": {
            "zh": "溢繳印花稅可以申請退還嗎？",
            "en": "Can over-paid stamp tax be refunded?"
          },
          "a": {
            "zh": "可以，依稅捐稽徵法第28條於規定期間內提出具體證明申請退還。",
            "en": "Yes, with proof within the period of Tax Collection Act art. 28."
          }
        },
        {
          "id": "stamps",
          "q": {
            "zh": "已貼用的印花稅票可以退嗎？",
            "en": "Can stamps already affixed be refunded?"
          },
          "a": {
            "zh": "須查明溢繳原因及證明；是否符合退還要件由承辦單位認定。",
            "en": "The cause and proof are checked; the handling unit decides whether it qualifies."
          }
        }
      ]
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
      "decisionLevel": "officer",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "核對演出場地、場次、票價及售票方式",
          "en": "check the venue, the performances, the ticket prices and how tickets are sold"
        },
        {
          "zh": "辦理臨時登記，核定代徵或免徵並驗印票券",
          "en": "register the event, decide collection or exemption and stamp the tickets"
        },
        {
          "zh": "告知演出後結報及繳納期限",
          "en": "explain the report and payment due after the event"
        }
      ],
      "legalBasis": "娛樂稅法 (Amusement Tax Act)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "when",
          "q": {
            "zh": "臨時演出什麼時候來登記？",
            "en": "When should a one-off event register?"
          },
          "a": {
            "zh": "應於演出前辦理登記並驗印票券；確切期限請洽承辦單位。",
            "en": "Before the event, with the tickets stamped; ask the handling unit for the exact lead time."
          }
        },
        {
          "id": "free",
          "q": {
            "zh": "免費入場的活動要登記嗎？",
            "en": "Does a free event need to register?"
          },
          "a": {
            "zh": "未收取票價或費用者原則上無娛樂稅，但仍請洽承辦單位確認。",
            "en": "With no ticket or charge there is normally no amusement tax; check with the handling unit."
          }
        }
      ]
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
      "decisionLevel": "officer",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "核對文化主管機關之認可或證明文件",
          "en": "check the culture authority’s approval or certificate"
        },
        {
          "zh": "依文化藝術事業減免營業稅及娛樂稅辦法核定減免",
          "en": "decide the relief under the regulations for arts enterprises"
        },
        {
          "zh": "交付核定結果並驗印票券",
          "en": "hand over the decision and stamp the tickets"
        }
      ],
      "legalBasis": "娛樂稅法；文化藝術事業減免營業稅及娛樂稅辦法 (Amusement Tax Act; regulations on business and amusement tax relief for arts enterprises)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "proof",
          "q": {
            "zh": "需要文化局的證明嗎？",
            "en": "Is the culture department’s approval needed?"
          },
          "a": {
            "zh": "需檢附文化主管機關認可之文件；未經認可者依一般規定課徵。",
            "en": "Yes, the culture authority’s approval; without it the ordinary rate applies."
          }
        },
        {
          "id": "same-day",
          "q": {
            "zh": "可以當場核定嗎？",
            "en": "Is it decided on the spot?"
          },
          "a": {
            "zh": "文件齊全者隨到隨辦。",
            "en": "Yes, when the documents are complete."
          }
        }
      ]
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
      "decisionLevel": "chief",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "核對營業登記、場所及娛樂項目",
          "en": "check the business registration, the premises and the kind of amusement"
        },
        {
          "zh": "辦理代徵人設立、變更、停業、復業或註銷登記",
          "en": "register the collector’s opening, change, suspension, resumption or closure"
        },
        {
          "zh": "告知代徵、報繳方式及期限",
          "en": "explain how and when the tax collected is reported and paid"
        }
      ],
      "legalBasis": "娛樂稅法 (Amusement Tax Act)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "closing",
          "q": {
            "zh": "停業要申報嗎？",
            "en": "Must a suspension be reported?"
          },
          "a": {
            "zh": "停業、復業或註銷均應辦理登記，以免繼續核課。",
            "en": "Yes, suspension, resumption and closure are all registered, so that the tax is not levied on."
          }
        },
        {
          "id": "change",
          "q": {
            "zh": "負責人變更要辦什麼？",
            "en": "What if the representative changes?"
          },
          "a": {
            "zh": "應辦理變更登記並檢附新負責人身分證明。",
            "en": "Register the change with the new representative’s ID."
          }
        }
      ]
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
      "decisionLevel": "chief",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "核對買賣雙方或其代理人之土地現值申報書及契約",
          "en": "check the land value report signed by both parties or their agent and the contract"
        },
        {
          "zh": "查欠並核算漲價總數額及應納土地增值稅",
          "en": "check for arrears and compute the increment and the tax"
        },
        {
          "zh": "七個工作天內核發繳款書或免稅證明",
          "en": "issue the bill or the exemption certificate within 7 working days"
        }
      ],
      "legalBasis": "土地稅法第49條 (Land Tax Act art. 49)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "deadline",
          "q": {
            "zh": "土地移轉要在多久內申報？",
            "en": "How soon must a transfer be reported?"
          },
          "a": {
            "zh": "權利人及義務人應於訂定契約之日起三十日內申報土地移轉現值。",
            "en": "Both parties report the land transfer value within 30 days of the contract."
          }
        },
        {
          "id": "who-pays",
          "q": {
            "zh": "土地增值稅由誰繳納？",
            "en": "Who pays the land value increment tax?"
          },
          "a": {
            "zh": "有償移轉者為原所有權人（賣方）；無償移轉者為取得所有權之人。",
            "en": "The seller for a sale; the person who receives the land for a gift."
          }
        }
      ]
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
      "decisionLevel": "chief",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "查對出售前一年內之戶籍及使用情形（無出租、無營業）",
          "en": "check the household registration and use in the year before the sale (no rent, no business)"
        },
        {
          "zh": "查對面積限制及一生一次或一生一屋之適用紀錄",
          "en": "check the area limits and the once-in-a-lifetime or one-home records"
        },
        {
          "zh": "必要時現場勘查，二十日內核定並發單",
          "en": "inspect when needed, decide and issue the bill within 20 days"
        }
      ],
      "legalBasis": "土地稅法第34條、第49條 (Land Tax Act arts. 34, 49)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "once",
          "q": {
            "zh": "自用住宅稅率可以用幾次？",
            "en": "How often can the self-use rate be used?"
          },
          "a": {
            "zh": "一生一次；符合一生一屋條件者得不受次數限制，要件依土地稅法第34條認定。",
            "en": "Once in a lifetime; the one-home conditions of Land Tax Act art. 34 allow more, as the law sets."
          }
        },
        {
          "id": "rented",
          "q": {
            "zh": "出售前曾出租還能適用嗎？",
            "en": "Does renting before the sale disqualify?"
          },
          "a": {
            "zh": "出售前一年內有出租或供營業使用者不適用。",
            "en": "Yes, if rented or used for business in the year before the sale."
          }
        }
      ]
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
      "resultSlip": true,
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "確認無漲價、文件齊全，且同一申請人以二件為限並於16時前收件",
          "en": "check there is no increment, the documents are complete, at most two cases per applicant, received before 16:00"
        },
        {
          "zh": "查欠並當場核發免稅或繳款書（約一小時）",
          "en": "check for arrears and issue the certificate or bill on the spot (about an hour)"
        }
      ],
      "legalBasis": "土地稅法第49條；本局便民服務措施 (Land Tax Act art. 49; the bureau’s counter service rule)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "limit",
          "q": {
            "zh": "快速發單有件數限制嗎？",
            "en": "Is the fast bill limited?"
          },
          "a": {
            "zh": "同一申請人以二件為限，並須於16時前送件。",
            "en": "Two cases per applicant, handed in before 16:00."
          }
        },
        {
          "id": "increment",
          "q": {
            "zh": "有漲價的案件可以快速發單嗎？",
            "en": "Does a case with an increment qualify?"
          },
          "a": {
            "zh": "不可以，有漲價者依一般申報程序辦理。",
            "en": "No, it follows the ordinary filing."
          }
        }
      ]
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
      "decisionLevel": "chief",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "查對原申報案件、繳納情形及是否已辦竣移轉登記",
          "en": "check the original report, the payment and whether the transfer was registered"
        },
        {
          "zh": "註銷原核定並核算應退稅額",
          "en": "cancel the assessment and compute the refund"
        },
        {
          "zh": "簽核後退還稅款並通知申請人",
          "en": "after the decision, refund and notify the applicant"
        }
      ],
      "legalBasis": "土地稅法；稅捐稽徵法第28條 (Land Tax Act; Tax Collection Act art. 28)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "who",
          "q": {
            "zh": "撤回申報需要誰同意？",
            "en": "Whose consent does a withdrawal need?"
          },
          "a": {
            "zh": "應由原申報之權利人及義務人共同申請；個別情形請洽承辦單位。",
            "en": "Both parties of the original report apply together; ask the handling unit about special cases."
          }
        },
        {
          "id": "registered",
          "q": {
            "zh": "已辦完移轉登記還能撤回嗎？",
            "en": "Can it be withdrawn after registration?"
          },
          "a": {
            "zh": "已辦竣移轉登記者不得撤回。",
            "en": "No, not once the transfer is registered."
          }
        }
      ]
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
      "decisionLevel": "chief",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "核對契約、建物資料及申報日期（訂約日起三十日內）",
          "en": "check the contract, the building records and the filing date (within 30 days of the contract)"
        },
        {
          "zh": "查欠房屋稅並核算應納契稅",
          "en": "check for house tax arrears and compute the deed tax"
        },
        {
          "zh": "核發繳款書；外地或通勤申請人可依本局措施當日發單",
          "en": "issue the bill; out-of-town applicants and commuters may get it the same day under the bureau’s plan"
        }
      ],
      "legalBasis": "契稅條例第16條 (Deed Tax Act art. 16)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "deadline",
          "q": {
            "zh": "契稅要在多久內申報？",
            "en": "How soon must deed tax be filed?"
          },
          "a": {
            "zh": "應於不動產買賣、承典、交換、贈與、分割契約成立之日起三十日內申報。",
            "en": "Within 30 days of the sale, pledge, exchange, gift or partition contract."
          }
        },
        {
          "id": "late",
          "q": {
            "zh": "逾期申報有罰則嗎？",
            "en": "Is late filing penalised?"
          },
          "a": {
            "zh": "逾期申報依契稅條例加徵怠報金；金額依條例計算，請洽承辦單位。",
            "en": "A late-filing surcharge under the Deed Tax Act; ask the handling unit for the amount."
          }
        },
        {
          "id": "land",
          "q": {
            "zh": "買土地要繳契稅嗎？",
            "en": "Is deed tax due on land?"
          },
          "a": {
            "zh": "開徵土地增值稅區域之土地免徵契稅；房屋才課徵契稅。",
            "en": "Not on land where land value increment tax is levied; deed tax falls on buildings."
          }
        }
      ]
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
      "resultSlip": true,
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "查詢稅籍及應繳稅額，確認申請人為納稅義務人或其代理人",
          "en": "look up the register and the tax due, and check the applicant is the taxpayer or an agent"
        },
        {
          "zh": "列印補發繳款書交付申請人",
          "en": "print the replacement bill and hand it over"
        }
      ],
      "legalBasis": "稅捐稽徵法 (Tax Collection Act)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "lost",
          "q": {
            "zh": "稅單遺失怎麼辦？",
            "en": "What if the bill is lost?"
          },
          "a": {
            "zh": "可臨櫃申請補發，隨到隨辦；也可使用本局網路或電話補發服務。",
            "en": "Ask at the counter for a replacement, done on the spot; the bureau also reissues bills online or by phone."
          }
        },
        {
          "id": "overdue",
          "q": {
            "zh": "已過繳納期限還能補發嗎？",
            "en": "Can an overdue bill be reissued?"
          },
          "a": {
            "zh": "可以，補發之繳款書依規定計算滯納金。",
            "en": "Yes; the reissued bill includes any late-payment surcharge."
          }
        }
      ]
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
      "decisionLevel": "officer",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "確認申請人身分及適用之稅目、稅籍",
          "en": "check the applicant and the taxes and registers concerned"
        },
        {
          "zh": "變更投遞地址並告知自次期起適用",
          "en": "change the mailing address and say that it applies from the next bill"
        }
      ],
      "legalBasis": "稅捐稽徵法（文書送達） (Tax Collection Act, service of documents)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "which",
          "q": {
            "zh": "變更地址會影響哪些稅單？",
            "en": "Which bills does the change cover?"
          },
          "a": {
            "zh": "依申請變更之稅目及稅籍；請確認房屋稅、地價稅、使用牌照稅是否一併變更。",
            "en": "The taxes and registers named in the application; say whether house, land value and vehicle tax all change."
          }
        },
        {
          "id": "when",
          "q": {
            "zh": "變更後何時生效？",
            "en": "When does it take effect?"
          },
          "a": {
            "zh": "已寄出之稅單不受影響，自次期稅單起寄至新址。",
            "en": "Bills already sent are not affected; the next bills go to the new address."
          }
        }
      ]
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
      "decisionLevel": "officer",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "登錄電子傳送之電子郵件地址及適用稅目",
          "en": "record the e-mail address and the taxes to be sent electronically"
        },
        {
          "zh": "確認申請於開徵二個月前完成，並告知生效期別",
          "en": "check it is done two months before the levy and say which bill it applies from"
        }
      ],
      "legalBasis": "稅捐稽徵法（文書送達） (Tax Collection Act, service of documents)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "deadline",
          "q": {
            "zh": "電子稅單要多早申請？",
            "en": "How early must e-bills be requested?"
          },
          "a": {
            "zh": "請於開徵二個月前申請，當期才能以電子方式傳送。",
            "en": "At least two months before the levy for that bill to be sent electronically."
          }
        },
        {
          "id": "paper",
          "q": {
            "zh": "改回紙本稅單可以嗎？",
            "en": "Can I go back to paper bills?"
          },
          "a": {
            "zh": "可以，申請取消後自次期起寄送紙本。",
            "en": "Yes, after cancelling, paper bills are sent from the next period."
          }
        }
      ]
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
      "resultSlip": true,
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "確認申請人為所有權人、利害關係人或其代理人",
          "en": "check the applicant is the owner, an interested party or an agent"
        },
        {
          "zh": "列印稅籍證明、繳納證明或課稅明細；非所有權人之副本加註「非供財產憑證用」",
          "en": "print the register, payment certificate or tax detail; copies for non-owners are stamped “not proof of property”"
        }
      ],
      "legalBasis": "稅捐稽徵法第33條（稅捐資料保密） (Tax Collection Act art. 33, confidentiality)",
      "fees": {
        "zh": "是否收費及金額請洽承辦單位確認",
        "en": "ask the handling unit whether a fee applies and how much"
      },
      "qa": [
        {
          "id": "who",
          "q": {
            "zh": "誰可以申請房屋稅籍證明？",
            "en": "Who may ask for a house tax register certificate?"
          },
          "a": {
            "zh": "所有權人或其代理人；其他利害關係人經核對後提供加註「非供財產憑證用」之資料。",
            "en": "The owner or an agent; other interested parties get copies stamped “not proof of property” after checking."
          }
        },
        {
          "id": "same-day",
          "q": {
            "zh": "可以當場拿到嗎？",
            "en": "Is it issued on the spot?"
          },
          "a": {
            "zh": "文件齊全者隨到隨辦。",
            "en": "Yes, when the documents are complete."
          }
        }
      ]
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
      "decisionLevel": "officer",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "核對被繼承人死亡資料及繼承人身分",
          "en": "check the deceased’s death record and the heirs’ identity"
        },
        {
          "zh": "跨機關查詢被繼承人欠稅情形",
          "en": "look up the deceased’s arrears across agencies"
        },
        {
          "zh": "交付查欠結果",
          "en": "hand over the result"
        }
      ],
      "legalBasis": "稅捐稽徵法（欠稅清償） (Tax Collection Act, settling arrears)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "why",
          "q": {
            "zh": "繼承登記為什麼要查欠？",
            "en": "Why check arrears before inheritance?"
          },
          "a": {
            "zh": "辦理繼承登記前應繳清被繼承人之欠稅；本局可跨機關一次查詢。",
            "en": "The deceased’s arrears must be paid before the inheritance is registered; the bureau looks them up across agencies in one go."
          }
        },
        {
          "id": "documents",
          "q": {
            "zh": "需要帶哪些資料？",
            "en": "What should I bring?"
          },
          "a": {
            "zh": "載有死亡日期之戶籍資料、繼承系統表及申請人身分證明。",
            "en": "The household record showing the date of death, the heir chart and your ID."
          }
        }
      ]
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
      "decisionLevel": "chief",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "查對繳納紀錄及溢繳原因（自行適用法令錯誤、計算錯誤或機關錯誤）",
          "en": "check the payment and why it was over-paid (taxpayer’s or agency’s error)"
        },
        {
          "zh": "核算應退稅額並簽核",
          "en": "compute the refund and decide"
        },
        {
          "zh": "以退稅支票或匯入帳戶退還並通知申請人",
          "en": "refund by cheque or to the account and notify the applicant"
        }
      ],
      "legalBasis": "稅捐稽徵法第28條 (Tax Collection Act art. 28)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "period",
          "q": {
            "zh": "溢繳稅款多久內可以申請退還？",
            "en": "How long can I claim over-paid tax?"
          },
          "a": {
            "zh": "納稅義務人自行適用法令或計算錯誤者，自繳納之日起十年內提出具體證明申請；機關錯誤者依稅捐稽徵法第28條辦理。",
            "en": "Ten years from payment for the taxpayer’s own error, with proof; an agency’s error follows Tax Collection Act art. 28."
          }
        },
        {
          "id": "offset",
          "q": {
            "zh": "有欠稅時退稅怎麼處理？",
            "en": "What if I also owe tax?"
          },
          "a": {
            "zh": "應退稅款依規定先抵繳其他應納稅捐，餘額再退還。",
            "en": "The refund first pays any other tax owed, then the rest is returned."
          }
        }
      ]
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
      "decisionLevel": "chief",
      "procedure": [
        {
          "zh": "受理陳情並登錄陳情人、聯絡方式及事由",
          "en": "take the petition and record the petitioner, contact and matter"
        },
        {
          "zh": "分送主管單位查明處理",
          "en": "pass it to the unit concerned"
        },
        {
          "zh": "於三十日內以書面或適當方式回復陳情人",
          "en": "answer the petitioner within 30 days in writing or another fitting way"
        }
      ],
      "legalBasis": "行政程序法第168條至第173條；行政院及所屬各機關處理人民陳情案件要點 (Administrative Procedure Act arts. 168–173; Executive Yuan petition rules)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "time",
          "q": {
            "zh": "陳情多久會有回復？",
            "en": "How soon is a petition answered?"
          },
          "a": {
            "zh": "原則上於三十日內回復；不能如期者會通知延長原因。",
            "en": "Within 30 days as a rule; if not, you are told why and when."
          }
        },
        {
          "id": "anonymous",
          "q": {
            "zh": "可以匿名陳情嗎？",
            "en": "Can a petition be anonymous?"
          },
          "a": {
            "zh": "無具體內容或未具真實姓名、地址者，得依規定不予處理。",
            "en": "One without a real name and address or specific content may be left unanswered under the rules."
          }
        }
      ]
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
      "decisionLevel": "chief",
      "procedure": [
        {
          "zh": "核對申請人或代理人身分及應備文件，缺件者列為待補件並告知補件方式",
          "en": "check the applicant’s or agent’s identity and the documents; list anything missing as awaited and say how to hand it in"
        },
        {
          "zh": "確認申請事項無本局公告之處理期限，依行政程序法以二個月計",
          "en": "confirm no published limit applies; the Administrative Procedure Act’s two months apply"
        },
        {
          "zh": "分送承辦單位辦理並通知申請人結果",
          "en": "pass to the handling unit and notify the applicant of the result"
        }
      ],
      "legalBasis": "行政程序法第51條 (Administrative Procedure Act art. 51)",
      "fees": {
        "zh": "是否收費及金額請洽承辦單位確認",
        "en": "ask the handling unit whether a fee applies and how much"
      },
      "qa": [
        {
          "id": "limit",
          "q": {
            "zh": "沒有公告期限的申請要多久？",
            "en": "How long does an application with no published limit take?"
          },
          "a": {
            "zh": "依行政程序法第51條，未定處理期間者為二個月；必要時得延長一次並通知申請人。",
            "en": "Two months under Administrative Procedure Act art. 51; it may be extended once, with notice."
          }
        },
        {
          "id": "which-unit",
          "q": {
            "zh": "不確定屬於哪個單位怎麼辦？",
            "en": "What if the unit is unclear?"
          },
          "a": {
            "zh": "櫃台先受理登錄，再分送承辦單位，不需申請人自行轉送。",
            "en": "The counter takes it and routes it; the applicant need not go elsewhere."
          }
        }
      ]
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
      "reexamination": true,
      "procedure": [
        {
          "zh": "自已核定之案件開立復查，核對核定通知書送達日期",
          "en": "open it from the decided case and check when the decision notice was received"
        },
        {
          "zh": "確認於送達次日起三十日內申請，並檢附理由及證明文件",
          "en": "check it is within 30 days from the day after receipt, with the grounds and proof"
        },
        {
          "zh": "送法務單位審理，依法於二個月內作成決定",
          "en": "send to the legal affairs section, which decides within two months as the law requires"
        }
      ],
      "legalBasis": "稅捐稽徵法第35條 (Tax Collection Act art. 35)",
      "fees": {
        "zh": "免收規費",
        "en": "no fee"
      },
      "qa": [
        {
          "id": "deadline",
          "q": {
            "zh": "復查要在多久內申請？",
            "en": "How soon must re-examination be requested?"
          },
          "a": {
            "zh": "應於核定稅額通知書送達之次日起三十日內申請；有繳款書者依繳納期間屆滿之次日起算。",
            "en": "Within 30 days from the day after the assessment notice arrives; with a bill, from the day after its payment period ends."
          }
        },
        {
          "id": "pay",
          "q": {
            "zh": "申請復查還要先繳稅嗎？",
            "en": "Must the tax be paid first?"
          },
          "a": {
            "zh": "依稅捐稽徵法第39條，依法申請復查者暫緩移送強制執行；繳納期限及個別情形請洽承辦單位。",
            "en": "Under Tax Collection Act art. 39, enforcement is held back while a re-examination filed in time is pending; ask the handling unit about the payment date and your case."
          }
        }
      ]
    }
  ],
  "deadlineRules": [
    "Administrative Procedure Act §51: each category has a published limit, otherwise two months; one extension no longer than the original, notified before expiry; the clock stops while the applicant corrects a deficiency (補正) and resumes afterwards.",
    "Administrative Procedure Act §48: the start day is not counted; a last day on a Sunday or holiday moves to the next working day; on a Saturday to the next Monday.",
    "Keelung's rules restate §51 and require all missing documents to be requested in one notice (一次告知).",
    "Bureau target: at least 95% of applications completed within their limit."
  ]
};
